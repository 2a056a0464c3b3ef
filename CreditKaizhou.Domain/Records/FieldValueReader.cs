using System.Globalization;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Identifiers;

namespace CreditKaizhou.Domain.Records;

/// <summary>Reads one present value of a field by its type; returns the normalised value or the problem.</summary>
internal sealed class FieldValueReader(FieldValueSource source, Func<string, bool> isKnownCodeException, DateOnly today)
{
    public FieldValueSource Source { get; } = source;

    public (object? Value, FieldProblem? Problem) Read(FieldDefinition field, RawValue raw)
    {
        var expectedKind = field.Type switch
        {
            FieldType.Integer or FieldType.Decimal => JsonValueKind.Number,
            FieldType.Boolean => JsonValueKind.True,
            _ => JsonValueKind.String,
        };
        var kindMatches = raw.Kind == expectedKind
            || (expectedKind == JsonValueKind.True && raw.Kind == JsonValueKind.False);
        // Text cells are all strings, so only JSON values can have the wrong kind.
        if (Source == FieldValueSource.Json && !kindMatches)
        {
            var hideValue = field.Type == FieldType.SubjectCode;
            return Fail(field, FieldProblemKind.WrongJsonType, hideValue ? null : raw.Text!, raw.Kind);
        }

        if (raw.Text is null)
        {
            return (null, new FieldProblem(field.Key, FieldProblemKind.InvalidCharacter, field, Source));
        }

        var text = raw.Text.Trim();
        return field.Type switch
        {
            FieldType.String => ReadString(field, text),
            FieldType.Integer => ReadInteger(field, text, raw.Kind),
            FieldType.Decimal => ReadDecimal(field, text, raw.Kind),
            FieldType.Date => ReadDate(field, text),
            FieldType.Enum => field.AllowedValues?.Contains(text, StringComparer.Ordinal) == true
                ? (text, null)
                : Fail(field, FieldProblemKind.NotAllowedValue, text),
            FieldType.SubjectCode => ReadSubjectCode(field, text),
            FieldType.Boolean => ReadBoolean(field, text, raw.Kind),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Not a defined field type."),
        };
    }

    private (object?, FieldProblem?) ReadString(FieldDefinition field, string text)
    {
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            if (Rune.IsControl(rune))
            {
                return (null, new FieldProblem(field.Key, FieldProblemKind.InvalidCharacter, field, Source,
                    Actual: string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}"), Position: position));
            }
        }

        return field.MaxLength is { } max && position > max
            ? (null, new FieldProblem(field.Key, FieldProblemKind.TooLong, field, Source, ActualCount: position))
            : (text, null);
    }

    private (object?, FieldProblem?) ReadInteger(FieldDefinition field, string text, JsonValueKind kind)
    {
        if (!NumberText.IsInteger(text))
        {
            return Fail(field, FieldProblemKind.NotInteger, text, kind);
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : Fail(field, FieldProblemKind.IntegerOutOfRange, text, kind);
    }

    private (object?, FieldProblem?) ReadDecimal(FieldDefinition field, string text, JsonValueKind kind)
    {
        // JSON numbers may carry an exponent (1.5e3); a cell is plain -?\d+(\.\d+)?.
        var number = NumberText.ParseDecimal(text, allowExponent: Source == FieldValueSource.Json);
        if (number is null)
        {
            return Fail(field, FieldProblemKind.NotDecimal, text, kind);
        }

        var (value, integerDigits, fractionDigits) = number.Value;
        if (integerDigits > FieldValues.MaxIntegerDigits)
        {
            return Fail(field, FieldProblemKind.TooManyIntegerDigits, text, kind, integerDigits);
        }

        return fractionDigits > FieldValues.MaxFractionDigits
            ? Fail(field, FieldProblemKind.TooManyFractionDigits, text, kind, fractionDigits)
            : (value!.Value, null);
    }

    private (object?, FieldProblem?) ReadDate(FieldDefinition field, string text) =>
        DateText.Parse(text, allowSpreadsheetForms: Source == FieldValueSource.Text) switch
        {
            (DateText.Outcome.Date, var date) => (date, null),
            (DateText.Outcome.NotARealDate, _) => Fail(field, FieldProblemKind.InvalidDate, text),
            _ => Fail(field, FieldProblemKind.NotDate, text),
        };

    /// <summary>
    /// A 统一社会信用代码 is kept as given; a 居民身份证号码 becomes its masked form. Problems never repeat the value: an
    /// invalid ID number is still personal information.
    /// </summary>
    private (object?, FieldProblem?) ReadSubjectCode(FieldDefinition field, string text)
    {
        if (text.Length != UnifiedSocialCreditCode.Length)
        {
            return (null, new FieldProblem(field.Key, FieldProblemKind.SubjectCodeLength, field, Source,
                ActualCount: CatalogueText.Length(text)));
        }

        var code = UnifiedSocialCreditCode.Validate(text);
        if (code.IsValid)
        {
            return (code.Code.Value, null);
        }

        if (code.HasOnlyChecksumProblems && isKnownCodeException(code.CodeIgnoringChecksums!.Value))
        {
            return (code.CodeIgnoringChecksums.Value, null);
        }

        var id = ResidentIdNumber.Validate(text, today);
        if (id.IsValid)
        {
            return (id.Number.Mask(), null);
        }

        return LooksLikeIdNumber(text)
            ? (null, new FieldProblem(field.Key, FieldProblemKind.InvalidResidentIdNumber, field, Source,
                ResidentIdNumberProblems: id.Problems))
            : (null, new FieldProblem(field.Key, FieldProblemKind.InvalidCreditCode, field, Source,
                CreditCodeProblems: code.Problems));
    }

    /// <summary>
    /// Which kind of code an invalid one was meant to be. All-digit credit codes exist (121200004013590816), so
    /// digits alone do not decide: an ID number also has a birth year 19xx or 20xx at 7–10, where a credit code has
    /// the end of its division code and the start of its organisation code (…0040… is no year).
    /// </summary>
    private static bool LooksLikeIdNumber(string text) =>
        !text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
        && (char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x')
        && text.AsSpan(6, 2) is "19" or "20";

    private (object?, FieldProblem?) ReadBoolean(FieldDefinition field, string text, JsonValueKind kind)
    {
        if (Source == FieldValueSource.Json)
        {
            return (kind == JsonValueKind.True, null);
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" or "是" or "1" or "Y" => (true, null),
            "FALSE" or "否" or "0" or "N" => (false, null),
            _ => Fail(field, FieldProblemKind.NotBoolean, text),
        };
    }

    private (object?, FieldProblem?) Fail(
        FieldDefinition field, FieldProblemKind kind, string? actual, JsonValueKind? jsonKind = null, int? count = null) =>
        (null, new FieldProblem(field.Key, kind, field, Source,
            Actual: actual is null ? null : CatalogueText.Excerpt(actual),
            ActualJsonKind: Source == FieldValueSource.Json ? jsonKind ?? JsonValueKind.String : null,
            ActualCount: count));
}
