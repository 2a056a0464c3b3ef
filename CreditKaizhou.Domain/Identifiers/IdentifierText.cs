using System.Globalization;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>Helpers shared by the identifier problem messages.</summary>
internal static class IdentifierText
{
    /// <summary>Chinese unless the caller explicitly asks for English: the platform's users read Chinese.</summary>
    public static bool IsEnglish(CultureInfo? culture) =>
        culture is not null && culture.TwoLetterISOLanguageName == "en";

    /// <summary>Shows a character so that invisible ones (spaces, tabs, controls) can still be seen.</summary>
    public static string Show(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : c.ToString();

    /// <summary>The half-width form of a full-width ASCII character (U+FF01–U+FF5E), as typed by Chinese input methods.</summary>
    public static char? HalfWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : null;

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
