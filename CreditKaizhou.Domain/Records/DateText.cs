namespace CreditKaizhou.Domain.Records;

/// <summary>The date forms of record fields.</summary>
internal static class DateText
{
    public enum Outcome
    {
        Date,
        NotADate,
        NotARealDate,
    }

    /// <summary>
    /// Reads YYYY-MM-DD and, when <paramref name="allowSpreadsheetForms"/>, also what Excel writes when a date cell is
    /// saved as CSV on a Chinese system: YYYY/M/D and YYYY年M月D日 (month and day with or without a leading zero).
    /// </summary>
    public static (Outcome Outcome, DateOnly Date) Parse(string text, bool allowSpreadsheetForms)
    {
        if (TryRead(text, '-', '-', null, exactWidths: true, out var parts)
            || (allowSpreadsheetForms
                && (TryRead(text, '/', '/', null, exactWidths: false, out parts)
                    || TryRead(text, '年', '月', '日', exactWidths: false, out parts))))
        {
            var (year, month, day) = parts;
            return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? (Outcome.Date, new DateOnly(year, month, day))
                : (Outcome.NotARealDate, default);
        }

        return (Outcome.NotADate, default);
    }

    private static bool TryRead(
        string text, char afterYear, char afterMonth, char? afterDay, bool exactWidths, out (int Year, int Month, int Day) parts)
    {
        parts = default;
        var i = 0;
        if (!TryNumber(text, ref i, 4, 4, out var year)
            || !TryChar(text, ref i, afterYear)
            || !TryNumber(text, ref i, exactWidths ? 2 : 1, 2, out var month)
            || !TryChar(text, ref i, afterMonth)
            || !TryNumber(text, ref i, exactWidths ? 2 : 1, 2, out var day)
            || (afterDay is { } last && !TryChar(text, ref i, last))
            || i != text.Length)
        {
            return false;
        }

        parts = (year, month, day);
        return true;
    }

    private static bool TryChar(string text, ref int i, char expected)
    {
        if (i < text.Length && text[i] == expected)
        {
            i++;
            return true;
        }

        return false;
    }

    private static bool TryNumber(string text, ref int i, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < maxDigits && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i - start >= minDigits;
    }
}
