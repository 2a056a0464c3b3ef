using System.Globalization;

namespace CreditKaizhou.Api.Infrastructure.Localization;

/// <summary>
/// Bilingual message selection. Chinese is the default; English is used when the request
/// negotiated an English UI culture (Accept-Language: en). Keeping both texts side by side at
/// the call site keeps them from drifting apart.
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string chinese, string english) => IsEnglish ? english : chinese;
}
