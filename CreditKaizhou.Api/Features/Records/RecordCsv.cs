using CreditKaizhou.Api.Infrastructure.Localization;
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

    /// <summary>Prefix that marks a column as a field even where its key is also a fixed column's name (e.g. fields.decisionDate).</summary>
    public const string FieldPrefix = "fields.";

    /// <summary>
    /// Reads the rows, handing each with its CSV line number to <paramref name="row"/>; returns null, or the header's
    /// problem, which ends the reading before any row.
    /// </summary>
    public static string? Read(TextReader text, string? defaultCatalogueCode, Action<CsvRecordRow> row)
    {
        // The header is read as a plain row: Sep refuses repeated column names by throwing, and a department's
        // file with a repeated column deserves a precise answer, not an error.
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).From(text);
        if (!reader.MoveNext())
        {
            return Text.T("没有表头行", "no header row");
        }

        var header = new List<string>();
        for (var i = 0; i < reader.Current.ColCount; i++)
        {
            header.Add(reader.Current[i].ToString().Trim());
        }

        if (HeaderProblem(header) is { } problem)
        {
            return problem;
        }

        var fixedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldColumns = new List<(int Index, string Name)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                fieldColumns.Add((i, header[i][FieldPrefix.Length..]));
            }
            else if (FixedColumns.TryGetValue(header[i], out var canonical))
            {
                fixedIndex[canonical] = i;
            }
            else
            {
                fieldColumns.Add((i, header[i]));
            }
        }

        var cells = new string?[header.Count];
        while (reader.MoveNext())
        {
            var line = reader.Current;
            if (line.ColCount == 1 && line[0].Span.IsWhiteSpace())
            {
                continue; // blank line, e.g. at the end of an Excel export
            }

            if (line.ColCount != header.Count)
            {
                row(new CsvRecordRow(line.LineNumberFrom, null, $"{line.ColCount}/{header.Count}"));
                continue;
            }

            for (var i = 0; i < header.Count; i++)
            {
                cells[i] = Empty(line[i].ToString());
            }

            string? Cell(string column) => fixedIndex.TryGetValue(column, out var i) ? cells[i] : null;
            var fields = new Dictionary<string, string?>(fieldColumns.Count, StringComparer.Ordinal);
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
            row(new CsvRecordRow(line.LineNumberFrom, input, null));
        }

        return null;
    }

    /// <summary>Unnamed columns, and two columns that would fill the same value, make the file unreadable.</summary>
    private static string? HeaderProblem(IReadOnlyList<string> header)
    {
        var unnamed = header.Select((name, index) => (name, index)).Where(c => c.name.Length == 0).Select(c => c.index + 1).ToList();
        if (unnamed.Count > 0)
        {
            return Text.T($"第 {string.Join("、", unnamed)} 列没有列名", $"columns {string.Join(", ", unnamed)} have no name");
        }

        var repeated = header
            .Select(name => name.StartsWith(FieldPrefix, StringComparison.Ordinal) ? name : FixedColumns.GetValueOrDefault(name, name))
            .GroupBy(name => name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return repeated.Count > 0
            ? Text.T($"列 {string.Join("、", repeated)} 重复出现（字段键与固定列同名时，请写作 \"{FieldPrefix}键\"，或用字段的中文名）",
                $"columns {string.Join(", ", repeated)} appear more than once (where a field key is also a fixed column, write \"{FieldPrefix}key\" or use the field's Chinese name)")
            : null;
    }

    private static string? Empty(string cell) => cell.Length == 0 ? null : cell;
}

/// <summary>A data row: its line in the file, and the record it holds or why it could not be read.</summary>
public readonly record struct CsvRecordRow(int Line, RecordInput? Input, string? ColumnCountMismatch);
