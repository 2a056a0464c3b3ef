using nietras.SeparatedValues;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>
/// Reads a batch of records from CSV as departments export it from Excel: UTF-8 with or without
/// a byte-order mark, or GB18030 (which Excel writes for 中文 Windows), detected from the bytes.
/// The header row names the columns: the fixed ones below (in English or Chinese) and the fields
/// of the catalogue entry, by key or by their Chinese name.
/// </summary>
public static class RecordCsv
{
    public static readonly IReadOnlyDictionary<string, string> FixedColumns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["catalogueCode"] = "catalogueCode", ["目录编码"] = "catalogueCode", ["信息项编码"] = "catalogueCode",
        ["subjectCode"] = "subjectCode", ["主体代码"] = "subjectCode", ["统一社会信用代码"] = "subjectCode", ["身份证号码"] = "subjectCode",
        ["subjectName"] = "subjectName", ["主体名称"] = "subjectName", ["行政相对人名称"] = "subjectName",
        ["subjectType"] = "subjectType", ["主体类型"] = "subjectType",
        ["sourceRef"] = "sourceRef", ["来源编号"] = "sourceRef", ["业务编号"] = "sourceRef",
        ["decisionDate"] = "decisionDate", ["决定日期"] = "decisionDate",
        ["severity"] = "severity", ["失信程度"] = "severity", ["严重程度"] = "severity",
        ["effectiveFrom"] = "effectiveFrom", ["生效起始日期"] = "effectiveFrom",
        ["effectiveTo"] = "effectiveTo", ["生效截止日期"] = "effectiveTo",
    };

    /// <summary>The rows with their CSV line numbers; a header problem ends the reading with a message.</summary>
    public static CsvRead Read(string text, string? defaultCatalogueCode)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromText(text);
        var header = reader.Header.ColNames;
        var unnamed = header.Select((name, index) => (name, index)).Where(c => string.IsNullOrWhiteSpace(c.name)).Select(c => c.index + 1).ToList();
        if (header.Count == 0 || unnamed.Count > 0)
        {
            return new CsvRead([], HeaderProblem: unnamed.Count > 0 ? $"columns {string.Join(", ", unnamed)} have no name" : "no header row");
        }

        var fixedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldColumns = new List<(int Index, string Name)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (FixedColumns.TryGetValue(header[i].Trim(), out var canonical))
            {
                fixedIndex.TryAdd(canonical, i);
            }
            else
            {
                fieldColumns.Add((i, header[i].Trim()));
            }
        }

        var rows = new List<CsvRecordRow>();
        var cells = new string?[header.Count];
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue; // blank line, e.g. at the end of an Excel export
            }

            if (row.ColCount != header.Count)
            {
                rows.Add(new CsvRecordRow(row.LineNumberFrom, null, $"{row.ColCount}/{header.Count}"));
                continue;
            }

            for (var i = 0; i < header.Count; i++)
            {
                cells[i] = Empty(row[i].ToString());
            }

            string? Cell(string column) => fixedIndex.TryGetValue(column, out var i) ? cells[i] : null;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (index, name) in fieldColumns)
            {
                fields[name] = cells[index];
            }

            var input = new RecordInput(
                Cell("catalogueCode") ?? defaultCatalogueCode,
                new SubjectInput(Cell("subjectCode"), Cell("subjectName"), Cell("subjectType")),
                Cell("sourceRef"), null, Cell("decisionDate"), Cell("severity"), Cell("effectiveFrom"), Cell("effectiveTo"))
            {
                TextFields = fields,
            };
            rows.Add(new CsvRecordRow(row.LineNumberFrom, input, null));
        }

        return new CsvRead(rows, null);
    }

    private static string? Empty(string cell) => cell.Length == 0 ? null : cell;
}

/// <summary>A data row: its line in the file, and the record it holds or why it could not be read.</summary>
public sealed record CsvRecordRow(int Line, RecordInput? Input, string? ColumnCountMismatch);

public sealed record CsvRead(IReadOnlyList<CsvRecordRow> Rows, string? HeaderProblem);
