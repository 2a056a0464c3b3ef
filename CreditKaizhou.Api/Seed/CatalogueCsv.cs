using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Writes catalogue entries as RFC 4180 CSV (comma separator, CRLF after every record, a cell
/// quoted when it holds a comma, quote, CR or LF, quotes doubled). The publicity rule and field
/// schema are compact camelCase JSON; subject types are joined with <c>;</c>.
/// </summary>
public static class CatalogueCsv
{
    public const string Header =
        "code,name,category,departmentCode,subjectTypes,disclosure,polarity,listCode,updateFrequency,"
            + "legalBasis,publicityRule,fieldsSchema";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The generated demo catalogue (<see cref="CatalogueGenerator.Generate"/>) as CSV.</summary>
    public static string GenerateCsv() => Write(CatalogueGenerator.Generate());

    public static string Write(IEnumerable<DemoCatalogueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        foreach (var e in entries)
        {
            AppendRecord(csv,
            [
                e.Code,
                e.Name,
                e.Category,
                e.DepartmentCode,
                string.Join(';', e.SubjectTypes),
                e.Disclosure,
                e.Polarity,
                e.ListCode ?? string.Empty,
                e.UpdateFrequency,
                e.LegalBasis,
                JsonSerializer.Serialize(e.PublicityRule, JsonOptions),
                JsonSerializer.Serialize(e.FieldsSchema, JsonOptions),
            ]);
        }

        return csv.ToString();
    }

    private static void AppendRecord(StringBuilder csv, ReadOnlySpan<string> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            AppendCell(csv, cells[i]);
        }

        csv.Append("\r\n");
    }

    private static void AppendCell(StringBuilder csv, string cell)
    {
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(cell);
            return;
        }

        csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
