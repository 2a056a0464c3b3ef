using System.Security.Claims;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Csv;
using CreditKaizhou.Api.Infrastructure.Http;
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
        if (!CsvText.IsCsv(request) && !request.HasJsonContentType())
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, Text.T(
                "批量报送的请求体须为 JSON 数组（application/json）或 CSV（text/csv）。",
                "A batch body must be a JSON array (application/json) or CSV (text/csv)."), ProblemTypes.UnsupportedMediaType);
        }

        var maxRows = options.Value.MaxBatchRows;
        var serializer = json.Value.SerializerOptions;
        var reader = RecordJsonReader.For(serializer);
        var department = user.DepartmentCode()!;
        var session = await intake.BeginAsync(department, ct);
        using var stopParts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var rows = new PooledList<BatchRow>();
        // A JSON batch's rows are slices of its body until they are read: the body goes back to the pool once every part
        // reading it has ended (finally, below).
        RequestBytes? jsonBody = null;
        Task<Part>? next = null;
        // Rows beyond the cap are counted, not kept: a body of 32 MiB of tiny elements would otherwise be millions of rows.
        var total = 0;

        void Add(BatchRow row)
        {
            if (++total <= maxRows)
            {
                rows.Add(row);
            }
        }

        // Once the first part's rows are in, while the rest are still being read, that part is read and validated on one
        // core (from a copy of its rows: the list may move as it grows).
        void StartFirstPartEarly()
        {
            if (next is null && rows.Count >= PartRows)
            {
                var first = new ArraySegment<BatchRow>(rows.Items[..PartRows].ToArray());
                next = Task.Run(() => PreparePartAsync(first, (0, PartRows), session, reader, parallel: false, stopParts.Token), stopParts.Token);
            }
        }

        try
        {
            if (CsvText.IsCsv(request))
            {
                using var csv = await CsvText.OpenAsync(request, ct);
                var headerProblem = RecordCsv.Read(csv.Text, catalogueCode, r =>
                {
                    Add(new BatchRow(r.Input, default, null, r.Line, r.ColumnCountMismatch));
                    StartFirstPartEarly();
                });
                if (headerProblem is not null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["line 1"] = [Text.T($"CSV 表头无效：{headerProblem}。", $"The CSV header is invalid: {headerProblem}.")],
                    });
                }
            }
            else
            {
                var splitter = new ArraySplitter(serializer);
                if (RequestBodyLimit.RentDeclared(request) is { } declared)
                {
                    // A body of declared length is split into records as it arrives (its first part read meanwhile).
                    jsonBody = declared;
                    await RequestBodyLimit.FillAsync(request, declared, arrived =>
                    {
                        splitter.Split(arrived, final: false, Add);
                        StartFirstPartEarly();
                    }, ct);
                }
                else
                {
                    jsonBody = await RequestBodyLimit.ReadAllAsync(request, ct);
                }

                if (!splitter.Split(jsonBody.Memory, final: true, Add))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["$"] = [Text.T("批量报送的请求体必须是记录的 JSON 数组。", "A batch body must be a JSON array of records.")],
                    });
                }
            }

            if (total > maxRows)
            {
                var problem = ProblemDetailsExtensions.Problem(StatusCodes.Status413PayloadTooLarge, Text.T(
                    $"一批最多 {maxRows} 条记录，本批有 {total} 条；请拆分后分批报送。",
                    $"A batch holds at most {maxRows} records; this one has {total}. Split it."), ProblemTypes.BodyTooLarge);
                problem.ProblemDetails.Extensions["limitRows"] = maxRows;
                return problem;
            }

            // A first part read while the body arrived has used the session: it ends before the session is used again.
            if (next is not null)
            {
                await next;
            }

            // Every entry the batch names is looked up before anything is written: a batch naming another department's
            // entry is refused whole, and a part never needs a connection of its own while the writer holds the write lock.
            var foreign = await session.LookUpAsync(rows.Items.Select(r => r.CatalogueCode), ct);
            if (foreign.Count > 0)
            {
                return RecordEndpoints.ForeignEntries(department, foreign);
            }

            var tally = new Tally(rows.Items);
            await using var writer = store.Begin(user.ClientId(), clock.GetUtcNow());
            // Each part is read and validated while the part before it is written; the writer's one transaction takes them
            // in order and commits after the last, so the batch is still stored whole or not at all. A first part not read
            // yet has every core to itself; the others are validated on one core while the store writes on another.
            var parts = Enumerable.Range(0, (rows.Count + PartRows - 1) / PartRows)
                .Select(p => (From: p * PartRows, Count: Math.Min(PartRows, rows.Count - p * PartRows))).ToList();
            next ??= parts.Count > 0 ? PreparePartAsync(rows.Items, parts[0], session, reader, parallel: true, stopParts.Token) : null;
            for (var p = 0; p < parts.Count; p++)
            {
                var part = await next!;
                next = null;
                if (part.Batch.ForeignEntries.Count > 0)
                {
                    // Only when a record names an entry in a way the look-up above did not see: still refused whole.
                    return RecordEndpoints.ForeignEntries(department, part.Batch.ForeignEntries);
                }

                if (p + 1 < parts.Count)
                {
                    var following = parts[p + 1];
                    next = Task.Run(() => PreparePartAsync(rows.Items, following, session, reader, parallel: false, stopParts.Token), stopParts.Token);
                }

                var valid = tally.Valid(part);
                tally.Stored(valid, await writer.AddAsync(valid.Select(v => v.Submission).ToList(), ct));
            }

            await writer.CommitAsync(ct);
            return TypedResults.Ok(tally.Response());
        }
        finally
        {
            // A part still being read holds slices of the pooled body: it ends before the body goes back to the pool. Its
            // outcome no longer matters (the handler is leaving by another path), but it is observed.
            if (next is not null)
            {
                await stopParts.CancelAsync();
                await next.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            jsonBody?.Dispose();
        }
    }

    /// <summary>What became of a batch's rows so far: how many were stored, which were duplicates, which were rejected and why.</summary>
    private sealed class Tally(ArraySegment<BatchRow> rows)
    {
        private readonly List<BatchRejection> _rejections = [];
        private readonly List<BatchDuplicate> _duplicates = [];
        private int _accepted;

        /// <summary>The part's rows that were read and are valid, each with its index in the batch; the others are rejected.</summary>
        public List<(int Row, RecordSubmission Submission)> Valid(Part part)
        {
            var valid = new List<(int Row, RecordSubmission Submission)>();
            for (var j = 0; j < part.Read.Count; j++)
            {
                var i = part.From + j;
                var prepared = part.Batch.Rows[j];
                if (part.Read[j].ReadError is { } readError)
                {
                    _rejections.Add(new BatchRejection(i + 1, rows[i].Line, part.Read[j].SourceRef, readError));
                }
                else if (prepared.Submission is { } submission)
                {
                    valid.Add((i, submission));
                }
                else
                {
                    _rejections.Add(new BatchRejection(i + 1, rows[i].Line, prepared.SourceRef, prepared.Errors!));
                }
            }

            return valid;
        }

        /// <summary>What the store did with those rows: stored, a duplicate of a stored record, or a conflict with one.</summary>
        public void Stored(List<(int Row, RecordSubmission Submission)> valid, IReadOnlyList<RecordWriteResult> results)
        {
            for (var k = 0; k < valid.Count; k++)
            {
                var (i, submission) = valid[k];
                switch (results[k].Outcome)
                {
                    case RecordOutcome.Stored:
                        _accepted++;
                        break;
                    case RecordOutcome.Duplicate:
                        _duplicates.Add(new BatchDuplicate(i + 1, rows[i].Line, submission.SourceRef, results[k].RecordId));
                        break;
                    default:
                        _rejections.Add(new BatchRejection(i + 1, rows[i].Line, submission.SourceRef, new Dictionary<string, string[]>
                        {
                            ["sourceRef"] = [RecordEndpoints.ConflictMessage(submission.SourceRef, results[k].RecordId)],
                        }));
                        break;
                }
            }
        }

        public BatchResponse Response()
        {
            _rejections.Sort((a, b) => a.Row.CompareTo(b.Row));
            return new BatchResponse(_accepted, _duplicates.Count, _rejections.Count, _rejections, _duplicates);
        }
    }

    /// <summary>Rows per part of a batch: large enough that a part's queries are few, small enough that the first part is soon ready.</summary>
    internal const int PartRows = 1000;

    /// <summary>A part of a batch, read and validated: its first row's index, each row as read, and each row after validation.</summary>
    /// <remarks>
    /// A row as read keeps only what the answer may need (its source reference and why it could not be read): a part waits
    /// for the writer, and the records it was read into are garbage by then.
    /// </remarks>
    private sealed record Part(int From, List<(string? SourceRef, IReadOnlyDictionary<string, string[]>? ReadError)> Read, IntakeBatch Batch);

    private static async Task<Part> PreparePartAsync(ArraySegment<BatchRow> rows, (int From, int Count) range, RecordIntake.Session session,
        RecordJsonReader reader, bool parallel, CancellationToken ct)
    {
        var read = Read(rows, range, reader, parallel);
        var batch = await session.PrepareAsync(Inputs(read), parallel, ct);
        return new Part(range.From, read.ConvertAll(r => (r.Input?.SourceRef, r.ReadError)), batch);
    }

    /// <summary>The records to validate: a row that could not be read has none.</summary>
    private static List<RecordInput?> Inputs(List<(RecordInput? Input, IReadOnlyDictionary<string, string[]>? ReadError)> read) =>
        read.Select(r => r.ReadError is null ? r.Input : null).ToList();

    /// <summary>Rows are independent: with <paramref name="parallel"/>, a large part is read on every core (culture flows to the workers).</summary>
    private static List<(RecordInput? Input, IReadOnlyDictionary<string, string[]>? ReadError)> Read(ArraySegment<BatchRow> rows,
        (int From, int Count) range, RecordJsonReader reader, bool parallel)
    {
        var part = rows.Slice(range.From, range.Count);
        return parallel && part.Count >= RecordIntake.ParallelFrom
            ? part.AsParallel().AsOrdered().Select(r => r.Read(reader)).ToList()
            : part.Select(r => r.Read(reader)).ToList();
    }

    /// <summary>
    /// Splits a JSON batch into the array's elements as they stand in the body, not yet read as records: read one by one
    /// on every core, and a malformed element makes one rejected row, not a failed batch. The same pass notes the catalogue
    /// code each element names (<see cref="BatchRow.CatalogueCode"/>). It may be given the body in pieces as it arrives,
    /// each time all that has arrived: it takes the elements that are complete and goes on from there next time.
    /// </summary>
    private sealed class ArraySplitter
    {
        private readonly string _name;
        private readonly StringComparison _comparison;
        private JsonReaderState _state;
        private int _position;
        private bool _inArray;

        /// <summary>
        /// Before the body is whole, how many bytes must have arrived before an element cut off is tried again: twice what
        /// the last try had of it, so that a very large element is read a few times, not once per piece of the body.
        /// </summary>
        private int _retryAt;

        public ArraySplitter(JsonSerializerOptions options)
        {
            _state = new JsonReaderState(RecordJsonReader.ReaderOptions(options));
            _name = RecordJsonReader.JsonName(options, nameof(RecordInput.CatalogueCode));
            _comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        }

        /// <summary>
        /// Hands to <paramref name="row"/> each element of <paramref name="body"/> (all that has arrived) completed since the
        /// last call. With <paramref name="final"/>, the body is whole: false when it is not an array. Malformed JSON is a
        /// bad request.
        /// </summary>
        public bool Split(ReadOnlyMemory<byte> body, bool final, Action<BatchRow> row)
        {
            if (!final && body.Length < _retryAt)
            {
                return true;
            }

            try
            {
                var start = _position;
                var reader = new Utf8JsonReader(body.Span[start..], final, _state);
                if (!_inArray)
                {
                    if (!reader.Read())
                    {
                        return true; // nothing whole has arrived yet (with the whole body, the reader throws)
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        if (final)
                        {
                            reader.Skip();
                            reader.Read(); // anything after the value is malformed JSON
                        }

                        return false;
                    }

                    _inArray = true;
                    Commit(reader, start);
                }

                while (true)
                {
                    if (!reader.Read())
                    {
                        // The next element's first token has not arrived whole (a very long string, say).
                        _retryAt = body.Length + (body.Length - (start + (int)reader.BytesConsumed));
                        return true;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        if (final)
                        {
                            reader.Read(); // anything after the array is malformed JSON
                        }

                        return true;
                    }

                    var from = start + (int)reader.TokenStartIndex;
                    string? code = null;
                    if (!(reader.TokenType == JsonTokenType.StartObject ? TryCatalogueCode(ref reader, out code) : reader.TrySkip()))
                    {
                        _retryAt = body.Length + (body.Length - from); // the element has not arrived whole
                        return true;
                    }

                    row(new BatchRow(null, body[from..(start + (int)reader.BytesConsumed)], code, null, null));
                    Commit(reader, start);
                }
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException("Malformed JSON", StatusCodes.Status400BadRequest, e);
            }
        }

        /// <summary>
        /// The next call starts where the reader (over the body from <paramref name="start"/>) stands: after the array's
        /// start or after a whole element.
        /// </summary>
        private void Commit(in Utf8JsonReader reader, int start)
        {
            _position = start + (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        /// <summary>
        /// Reads an object to its end and gives its top-level catalogue code, the property's name matched as the serializer
        /// matches it, the last one when repeated; null when it has none that is a string. False when the object has not
        /// arrived whole.
        /// </summary>
        private bool TryCatalogueCode(ref Utf8JsonReader reader, out string? code)
        {
            code = null;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return true; // the object's end
                }

                var property = IsCatalogueCode(ref reader);
                if (!reader.Read())
                {
                    return false;
                }

                if (property)
                {
                    code = reader.TokenType == JsonTokenType.String ? StringOrNull(ref reader) : null;
                }

                if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }

        /// <summary>
        /// Whether the property name the reader stands on is the catalogue code's; false for a name that is not text (an
        /// escaped unpaired surrogate), which the record's reading then rejects.
        /// </summary>
        private bool IsCatalogueCode(ref Utf8JsonReader reader)
        {
            try
            {
                // Only a name of the same length can match without case (or an escaped one): no string for the others.
                return reader.ValueTextEquals(_name) || (_comparison == StringComparison.OrdinalIgnoreCase
                    && (reader.ValueIsEscaped || reader.ValueSpan.Length == _name.Length) && string.Equals(reader.GetString(), _name, _comparison));
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <summary>The string, or null for one that is not text (an escaped unpaired surrogate): that row is rejected when read.</summary>
    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>One row of a batch: a record read from CSV, or a JSON array element still to be read.</summary>
    private readonly record struct BatchRow(RecordInput? Input, ReadOnlyMemory<byte> Json, string? JsonCatalogueCode, int? Line,
        string? ColumnCountMismatch)
    {
        /// <summary>
        /// The catalogue code the row names, known before the row is read as a record: a CSV row's, or the one found while
        /// the JSON body was split into elements. Null for a CSV line with the wrong number of cells, which is not read.
        /// </summary>
        public string? CatalogueCode => ColumnCountMismatch is not null ? null : Json.IsEmpty ? Input?.CatalogueCode : JsonCatalogueCode;

        public (RecordInput? Input, IReadOnlyDictionary<string, string[]>? ReadError) Read(RecordJsonReader reader)
        {
            if (ColumnCountMismatch is { } m)
            {
                return (Input, new Dictionary<string, string[]>
                {
                    ["$"] = [Text.T($"本行列数与表头不符（{m}）。", $"The line's cell count does not match the header ({m}).")],
                });
            }

            if (Json.IsEmpty)
            {
                return (Input, null);
            }

            try
            {
                return (reader.Read(Json.Span), null);
            }
            catch (JsonException e)
            {
                var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
                return (null, new Dictionary<string, string[]>
                {
                    [path] = [Text.T($"记录不是预期的 JSON 结构，位置 {path}。", $"The record does not have the expected JSON shape at {path}.")],
                });
            }
        }
    }
}
