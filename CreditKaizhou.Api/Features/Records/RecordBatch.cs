using System.Security.Claims;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Csv;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Domain.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>
/// <c>POST /api/v1/records/batch</c>: a JSON array of records, or CSV (UTF-8 with or without BOM, or GB18030) with a header row.
/// Every row is validated; the valid ones are stored in one transaction; the answer lists every rejected row with its reasons.
/// </summary>
public static class RecordBatch
{
    public static async Task<Results<Ok<BatchResponse>, ValidationProblem, ProblemHttpResult>> SubmitRecordBatch(
        HttpRequest request, RecordIntake intake, IRecordStore store, IOptions<RecordOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct,
        string? catalogueCode = null)
    {
        var maxRows = options.Value.MaxBatchRows;
        List<(RecordInput? Input, int? Line, IReadOnlyDictionary<string, string[]>? ReadError)> rows;
        if (CsvText.IsCsv(request))
        {
            var (text, _) = await CsvText.ReadAsync(request, ct);
            var csv = RecordCsv.Read(text, catalogueCode);
            if (csv.HeaderProblem is not null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["line 1"] = [Text.T($"CSV 表头无效：{csv.HeaderProblem}。", $"The CSV header is invalid: {csv.HeaderProblem}.")],
                });
            }

            rows = csv.Rows.Select(r => (r.Input, (int?)r.Line, r.ColumnCountMismatch is { } m
                ? new Dictionary<string, string[]> { ["$"] = [Text.T($"本行列数与表头不符（{m}）。", $"The line's cell count does not match the header ({m}).")] }
                : (IReadOnlyDictionary<string, string[]>?)null)).ToList();
        }
        else if (request.HasJsonContentType())
        {
            var read = await ReadJsonAsync(request, json.Value.SerializerOptions, ct);
            if (read is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["$"] = [Text.T("批量报送的请求体必须是记录的 JSON 数组。", "A batch body must be a JSON array of records.")],
                });
            }

            rows = read;
        }
        else
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, Text.T(
                "批量报送的请求体须为 JSON 数组（application/json）或 CSV（text/csv）。",
                "A batch body must be a JSON array (application/json) or CSV (text/csv)."), ProblemTypes.UnsupportedMediaType);
        }

        if (rows.Count > maxRows)
        {
            var problem = ProblemDetailsExtensions.Problem(StatusCodes.Status413PayloadTooLarge, Text.T(
                $"一批最多 {maxRows} 条记录，本批有 {rows.Count} 条；请拆分后分批报送。",
                $"A batch holds at most {maxRows} records; this one has {rows.Count}. Split it."), ProblemTypes.BodyTooLarge);
            problem.ProblemDetails.Extensions["limitRows"] = maxRows;
            return problem;
        }

        var department = user.DepartmentCode()!;
        var batch = await intake.PrepareAsync(department, rows.Select(r => r.ReadError is null ? r.Input : null).ToList(), ct);
        if (batch.ForeignEntries.Count > 0)
        {
            return RecordEndpoints.ForeignEntries(department, batch.ForeignEntries);
        }

        var rejections = new List<BatchRejection>();
        var valid = new List<(int Row, RecordSubmission Submission)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var prepared = batch.Rows[i];
            if (rows[i].ReadError is { } readError)
            {
                rejections.Add(new BatchRejection(i + 1, rows[i].Line, rows[i].Input?.SourceRef, readError));
            }
            else if (prepared.Submission is { } submission)
            {
                valid.Add((i, submission));
            }
            else
            {
                rejections.Add(new BatchRejection(i + 1, rows[i].Line, prepared.SourceRef, prepared.Errors!));
            }
        }

        var results = await store.WriteAsync(valid.Select(v => v.Submission).ToList(), user.ClientId(), clock.GetUtcNow(), ct);
        var duplicates = new List<BatchDuplicate>();
        var accepted = 0;
        for (var j = 0; j < valid.Count; j++)
        {
            var (i, submission) = valid[j];
            switch (results[j].Outcome)
            {
                case RecordOutcome.Stored:
                    accepted++;
                    break;
                case RecordOutcome.Duplicate:
                    duplicates.Add(new BatchDuplicate(i + 1, rows[i].Line, submission.SourceRef, results[j].RecordId));
                    break;
                default:
                    rejections.Add(new BatchRejection(i + 1, rows[i].Line, submission.SourceRef, new Dictionary<string, string[]>
                    {
                        ["sourceRef"] = [RecordEndpoints.ConflictMessage(submission.SourceRef, results[j].RecordId)],
                    }));
                    break;
            }
        }

        rejections.Sort((a, b) => a.Row.CompareTo(b.Row));
        return TypedResults.Ok(new BatchResponse(accepted, duplicates.Count, rejections.Count, rejections, duplicates));
    }

    /// <summary>
    /// The array in one pass when every element has the expected shape (the usual case); otherwise element by
    /// element, so that a malformed element makes one rejected row, not a failed batch. Null when the body is not an array.
    /// </summary>
    private static async Task<List<(RecordInput? Input, int? Line, IReadOnlyDictionary<string, string[]>? ReadError)>?> ReadJsonAsync(
        HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        try
        {
            var all = JsonSerializer.Deserialize<List<RecordInput?>>(body.Span, options);
            return all?.Select(input => (input, (int?)null, (IReadOnlyDictionary<string, string[]>?)null)).ToList();
        }
        catch (JsonException)
        {
            // Fall through to the element-by-element reading, which says which element is wrong.
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("Malformed JSON", StatusCodes.Status400BadRequest, e);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(element => Read(element, options)).ToList()
                : null;
        }
    }

    /// <summary>One array element; a malformed element makes one rejected row, not a failed batch.</summary>
    private static (RecordInput? Input, int? Line, IReadOnlyDictionary<string, string[]>? ReadError) Read(JsonElement element, JsonSerializerOptions options)
    {
        try
        {
            return (element.Deserialize<RecordInput>(options), null, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            return (null, null, new Dictionary<string, string[]>
            {
                [path] = [Text.T($"记录不是预期的 JSON 结构，位置 {path}。", $"The record does not have the expected JSON shape at {path}.")],
            });
        }
    }
}
