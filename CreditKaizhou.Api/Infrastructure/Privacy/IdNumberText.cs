using System.Text.RegularExpressions;

namespace CreditKaizhou.Api.Infrastructure.Privacy;

/// <summary>
/// Text that may echo what a caller sent — a request path, a code — with anything shaped like a resident ID number
/// masked the way the service shows ID numbers everywhere (5002**********123X), so that problem details and logs
/// never carry one in clear. An all-digit credit code is masked too: harmless in an echo.
/// </summary>
public static partial class IdNumberText
{
    public static string Mask(string text) => IdNumberShape().Replace(text, m => string.Concat(m.ValueSpan[..4], "**********", m.ValueSpan[14..]));

    [GeneratedRegex("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberShape();
}
