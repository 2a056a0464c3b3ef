using System.Globalization;
using CreditKaizhou.Api.Seed;

namespace CreditKaizhou.Tests.Seed;

// Independent implementations of the checks the seed data must pass. They deliberately do not
// call the domain's validators, so a bug there cannot hide a bad code here.
public sealed partial class DemoDataTests
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 check character over all 17 characters, then the GB 11714 check character
    // of the embedded organisation code (characters 9–17), whose letters count A=10 … Z=35.
    internal static bool IsValidUscc(string code)
    {
        if (code.Length != 18 || code.Any(c => !UsccAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += UsccAlphabet.IndexOf(code[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        if (code[17] != UsccAlphabet[(31 - sum % 31) % 31])
        {
            return false;
        }

        int[] organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];
        var organisationSum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = code[8 + i];
            organisationSum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * organisationWeights[i];
        }

        var check = 11 - organisationSum % 11;
        var expected = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        return code[16] == expected;
    }

    // GB 11643-1999: 17 digits with a real birth date, then the check character.
    private static bool IsValidResidentId(string number)
    {
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit)
            || !DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * weights[i];
        }

        return number[17] == "10X98765432"[sum % 11];
    }

    private static void CheckFields(List<string> errors, string where, DemoCatalogueEntry entry, DemoRecord record)
    {
        var schema = entry.FieldsSchema.ToDictionary(f => f.Key);
        foreach (var key in record.Fields.Keys.Where(k => !schema.ContainsKey(k)))
        {
            errors.Add($"{where}: unknown field {key}");
        }

        foreach (var field in entry.FieldsSchema)
        {
            if (!record.Fields.TryGetValue(field.Key, out var value))
            {
                Check(errors, !field.Required, where, $"required field {field.Key} missing");
                continue;
            }

            var ok = field.Type switch
            {
                "string" => value is string s && s.Length > 0 && s.Length <= field.MaxLength && s.Trim() == s,
                "integer" => value is int,
                "decimal" => value is decimal d && d >= 0m,
                "date" => value is DateOnly,
                "enum" => value is string s && field.AllowedValues!.Contains(s),
                "subjectCode" => value is string s && (IsValidUscc(s) || IsValidResidentId(s)),
                "boolean" => value is bool,
                _ => false,
            };
            Check(errors, ok, where, $"{field.Key} ({field.Type}) = {value}");
        }

        // Dates that the record carries twice must agree.
        void Same(string key, DateOnly? expected)
        {
            if (record.Fields.TryGetValue(key, out var value))
            {
                Check(errors, value is DateOnly d && d == expected, where, $"{key} agrees with the record");
            }
        }

        Same("decisionDate", record.DecisionDate);
        Same("validFrom", record.EffectiveFrom);
        Same("validTo", record.EffectiveTo);
        Same("banUntil", record.EffectiveTo);
        Same("penaltyValidUntil", record.EffectiveTo);
    }
}
