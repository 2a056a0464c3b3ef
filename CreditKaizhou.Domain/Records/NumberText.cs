using System.Globalization;

namespace CreditKaizhou.Domain.Records;

/// <summary>The number grammars of record fields, checked by hand so that digit counts are exact and any size is safe.</summary>
internal static class NumberText
{
    /// <summary><c>-?[0-9]+</c> in ASCII digits (no plus sign, no spaces, no full-width digits).</summary>
    public static bool IsInteger(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// Reads <c>-?[0-9]+(\.[0-9]+)?</c>, followed by <c>[eE][+-]?[0-9]+</c> when <paramref name="allowExponent"/>
    /// (JSON numbers). Returns null when the text is not such a number. Otherwise returns the significant digits
    /// before and after the point (leading and trailing zeros do not count, so 0012.500 has 2 and 1) and, when both
    /// counts are within what a <see cref="decimal"/> holds exactly, the value without trailing zeros.
    /// </summary>
    public static (decimal? Value, int IntegerDigits, int FractionDigits)? ParseDecimal(string text, bool allowExponent)
    {
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        var integerPart = ReadDigits(text, ref i);
        if (integerPart.Length == 0)
        {
            return null;
        }

        var fractionPart = "";
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionPart = ReadDigits(text, ref i);
            if (fractionPart.Length == 0)
            {
                return null;
            }
        }

        long exponent = 0;
        if (allowExponent && i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = i < text.Length && text[i] == '-';
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            var exponentDigits = ReadDigits(text, ref i);
            if (exponentDigits.Length == 0)
            {
                return null;
            }

            // Beyond a billion the answer is "far too many digits" either way.
            exponent = exponentDigits.TrimStart('0').Length > 9 ? 1_000_000_000 : long.Parse(exponentDigits, CultureInfo.InvariantCulture);
            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return null;
        }

        // The significant digits and where the point falls among them.
        var digits = integerPart + fractionPart;
        var point = integerPart.Length + exponent;
        var significant = digits.TrimStart('0');
        point -= digits.Length - significant.Length;
        significant = significant.TrimEnd('0');
        if (significant.Length == 0)
        {
            return (0m, 0, 0);
        }

        var integerDigits = (int)Math.Clamp(point, 0, int.MaxValue);
        var fractionDigits = (int)Math.Clamp(significant.Length - point, 0, int.MaxValue);
        if (integerDigits > FieldValues.MaxIntegerDigits || fractionDigits > FieldValues.MaxFractionDigits)
        {
            return (null, integerDigits, fractionDigits);
        }

        var p = (int)point;
        var plain = p <= 0 ? "0." + new string('0', -p) + significant
            : p >= significant.Length ? significant + new string('0', p - significant.Length)
            : $"{significant[..p]}.{significant[p..]}";
        var value = decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (negative ? -value : value, integerDigits, fractionDigits);
    }

    private static string ReadDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return text[start..i];
    }
}
