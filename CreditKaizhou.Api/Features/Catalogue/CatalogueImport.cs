using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Csv;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Catalogue;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using nietras.SeparatedValues;

namespace CreditKaizhou.Api.Features.Catalogue;

/// <summary>
/// <c>POST /api/v1/catalogue/import</c>: many entries as CSV with the header
/// <c>code,name,category,departmentCode,subjectTypes,disclosure,polarity,listCode,updateFrequency,legalBasis,publicityRule,fieldsSchema</c>
/// (subjectTypes separated by <c>;</c>, publicityRule and fieldsSchema as JSON). A new code creates an entry, a changed one
/// adds a version, an unchanged one is left alone; invalid rows are reported with their line and stored nothing.
/// </summary>
public static class CatalogueImport
{
    public const int MaxRows = 10_000;

    /// <summary>The district's 2014 entries with their schemas make about 6 MB.</summary>
    public const long MaxBytes = 32 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "name", "category", "departmentCode", "subjectTypes", "disclosure", "polarity", "listCode", "updateFrequency",
        "legalBasis", "publicityRule", "fieldsSchema",
    ];

    public static async Task<Results<Ok<CatalogueImportResponse>, ValidationProblem, ProblemHttpResult>> ImportCatalogue(
        HttpRequest request, ICatalogueRepository catalogue, IValidator<CatalogueEntryRequest> validator, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct, bool demo = false)
    {
        if (!CsvText.IsCsv(request))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status415UnsupportedMediaType,
                Text.T("目录导入的请求体必须是 CSV（Content-Type: text/csv）。", "The import body must be CSV (Content-Type: text/csv)."),
                ProblemTypes.UnsupportedMediaType);
        }

        var (text, _) = await CsvText.ReadAsync(request, ct);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromText(text);
        var header = reader.Header.ColNames.Select(c => c.Trim()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return HeaderProblem(Text.T($"CSV 表头缺少列：{string.Join(", ", missing)}。应为：{string.Join(",", Columns)}",
                $"The CSV header lacks the columns {string.Join(", ", missing)}. Expected: {string.Join(",", Columns)}"));
        }

        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var rows = new List<CatalogueImportRow>();
        var valid = new List<(int Row, CatalogueEntry Entry)>();
        var now = clock.GetUtcNow();
        var cells = new string[header.Count];
        foreach (var row in reader)
        {
            if (rows.Count >= MaxRows)
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status413PayloadTooLarge,
                    Text.T($"一次最多导入 {MaxRows} 个条目。", $"At most {MaxRows} entries can be imported at once."), ProblemTypes.BodyTooLarge);
            }

            if (row.ColCount != header.Count)
            {
                rows.Add(Rejected(row.LineNumberFrom, null, "$", Text.T($"本行有 {row.ColCount} 列，表头有 {header.Count} 列。",
                    $"The line has {row.ColCount} cells; the header has {header.Count}.")));
                continue;
            }

            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            var line = row.LineNumberFrom;
            string Cell(string column) => cells[index[column]];
            var code = Cell("code");
            if (!TryJson<PublicityRuleDto>(Cell("publicityRule"), out var rule) || !TryJson<List<FieldDefinitionDto>>(Cell("fieldsSchema"), out var fields))
            {
                rows.Add(Rejected(line, code, "publicityRule/fieldsSchema", Text.T("publicityRule 或 fieldsSchema 不是有效的 JSON。",
                    "publicityRule or fieldsSchema is not valid JSON.")));
                continue;
            }

            var entryRequest = new CatalogueEntryRequest(code, Cell("name"), Cell("category"), Cell("departmentCode"),
                Cell("subjectTypes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Cell("disclosure"),
                Cell("polarity"), Cell("listCode"), Cell("updateFrequency"), rule, Cell("legalBasis"), fields);
            var result = await validator.ValidateAsync(entryRequest, ct);
            if (!result.IsValid)
            {
                rows.Add(new CatalogueImportRow(line, code, "rejected", result.Errors
                    .GroupBy(e => JsonPath.FromPropertyPath(e.PropertyName, isBody: false))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())));
                continue;
            }

            if (valid.Any(v => v.Entry.Code == code))
            {
                rows.Add(Rejected(line, code, "code", Text.T($"编码 {code} 在文件中重复。", $"The code {code} occurs twice in the file.")));
                continue;
            }

            rows.Add(new CatalogueImportRow(line, code, "pending", null));
            valid.Add((rows.Count - 1, entryRequest.ToEntry(code, 1, demo, now)));
        }

        var outcomes = await catalogue.ImportAsync(valid.Select(v => v.Entry).ToList(), user.ClientId(), ct);
        for (var i = 0; i < valid.Count; i++)
        {
            rows[valid[i].Row] = rows[valid[i].Row] with { Outcome = outcomes[i].ToString().ToLowerInvariant() };
        }

        return TypedResults.Ok(new CatalogueImportResponse(
            outcomes.Count(o => o == CatalogueImportOutcome.Created), outcomes.Count(o => o == CatalogueImportOutcome.Updated),
            outcomes.Count(o => o == CatalogueImportOutcome.Unchanged), rows.Count(r => r.Outcome == "rejected"), rows));
    }

    private static bool TryJson<T>(string cell, out T? value) where T : class
    {
        value = null;
        if (string.IsNullOrWhiteSpace(cell))
        {
            return true;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(cell, CatalogueJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static CatalogueImportRow Rejected(int line, string? code, string path, string message) =>
        new(line, code, "rejected", new Dictionary<string, string[]> { [path] = [message] });

    private static ValidationProblem HeaderProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["line 1"] = [message] });
}

public sealed record CatalogueImportRow(int Line, string? Code, string Outcome, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record CatalogueImportResponse(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<CatalogueImportRow> Rows);
