using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Tests.Domain.Identifiers;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Api;

/// <summary>Batches as JSON and as CSV in every encoding departments use; row-level errors; idempotent retries.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class RecordBatchTests(Engine engine)
{
    private ApiFactory? _api;

    private ApiFactory Api => _api!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiFactory.StartAsync(engine, settings: new Dictionary<string, string?> { ["Records:MaxBatchRows"] = "1500" });
        using var admin = _api.CreateClient("dev-admin");
        await RecordTestCatalogue.CreateAsync(admin);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    /// <summary>
    /// The body, about 110 KB, is decoded in blocks of 32 KB: a character split between two blocks (Chinese text takes two
    /// bytes in GB18030 and three in UTF-8) must arrive whole, which the stored decision numbers show.
    /// </summary>
    [TestCase("utf-8", "K-")]
    [TestCase("gb18030", "KG-")]
    public async Task Batch_ThousandRowsWithThreeBad_StoresTheRestAndAResendStoresNothingNew(string encoding, string prefix)
    {
        var bad = new Dictionary<int, string> { [10] = "decidedOn", [500] = "penaltyType", [999] = "count" };
        var lines = new StringBuilder("sourceRef,subjectCode,subjectName,decisionDate,severity,decisionNumber,penaltyType,decidedOn,count\r\n");
        for (var row = 1; row <= 1000; row++)
        {
            var date = bad.GetValueOrDefault(row) == "decidedOn" ? "2026-02-30" : "2026-11-01";
            var type = bad.GetValueOrDefault(row) == "penaltyType" ? "吊销" : "罚款";
            var count = bad.GetValueOrDefault(row) == "count" ? "三" : row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Append($"{prefix}{row:D4},91500154MA5UFB1W3Q,重庆市开州区汉丰商贸有限公司,2026-11-20,general,开市监罚{row}号,{type},{date},{count}\r\n");
        }

        var bytes = Encoding.GetEncoding(encoding).GetBytes(lines.ToString());
        Assume.That(bytes, Has.Length.GreaterThan(100_000), "the body crosses the 32 KB decode blocks");
        var first = await PostCsvAsync(bytes, "text/csv");
        var second = await PostCsvAsync(bytes, "text/csv");

        Assert.Multiple(() =>
        {
            Assert.That(Counts(first), Is.EqualTo((997, 0, 3)), first.GetProperty("rejections")[0].GetRawText());
            Assert.That(Counts(second), Is.EqualTo((0, 997, 3)));
            Assert.That(Rejections(first), Is.EqualTo(new[] { (10, 11, "fields.decidedOn"), (500, 501, "fields.penaltyType"), (999, 1000, "fields.count") }));
            Assert.That(Rejections(second), Is.EqualTo(Rejections(first)));
        });
        await using var db = TestEngines.CreateDataSource(Api.Engine, Api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string SourceRef, string Fields)>(
            $"SELECT r.source_ref, v.fields FROM records r JOIN record_revisions v ON v.record_id = r.id WHERE r.source_ref LIKE '{prefix}%'"))
            .ToDictionary(r => r.SourceRef, r => JsonDocument.Parse(r.Fields).RootElement.GetProperty("decisionNumber").GetString());
        var expected = Enumerable.Range(1, 1000).Where(row => !bad.ContainsKey(row)).ToDictionary(row => $"{prefix}{row:D4}", row => (string?)$"开市监罚{row}号");
        Assert.That(stored, Is.EqualTo(expected));
    }

    [Test]
    public async Task Batch_CsvWithAByteOrderMarkButNotUtf8_Returns400AndStoresNothing()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var text = "来源编号,统一社会信用代码,主体名称,决定日期,严重程度,决定书文号\r\nBOM-1,91500154MA5UY8B35C,重庆市开州区汉丰商贸有限公司,2026-11-20,一般,开市监罚1号\r\n";
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.GetEncoding(54936).GetBytes(text)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await scjgj.PostAsync($"/api/v1/records/batch?catalogueCode={RecordTestCatalogue.Code}", content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "/problems/bad-request",
            "CSV 以 UTF-8 字节顺序标记开头，但其后的内容不是有效的 UTF-8。", "BOM-");
    }

    [TestCase("gb18030")]
    [TestCase("utf-8-bom")]
    [TestCase("utf-8")]
    public async Task Batch_CsvInEachEncoding_StoresChineseNamesExactly(string encoding)
    {
        // Names from the basic plane, CJK extension A (㙍) and extension B (𠀾, four bytes in GB18030 and UTF-8).
        var name = $"重庆市开州区㙍𠀾{encoding}商贸有限公司";
        var text = $"来源编号,统一社会信用代码,主体名称,决定日期,严重程度,决定书文号\r\nENC-{encoding},91500154MA5UY8B35C,{name},2026-11-20,一般,开市监罚1号\r\n";
        var bytes = encoding switch
        {
            "gb18030" => Encoding.GetEncoding(54936).GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };

        var result = await PostCsvAsync(bytes, "text/csv");

        Assert.That(Counts(result), Is.EqualTo((1, 0, 0)), result.GetRawText());
        var stored = await ScalarAsync<string>("SELECT s.name FROM subjects s JOIN records r ON r.subject_id = s.id WHERE r.source_ref = @Ref",
            new { Ref = $"ENC-{encoding}" });
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(name));
            if (encoding == "gb18030")
            {
                Assert.That(Encoding.GetEncoding(54936).GetBytes(stored!), Is.EqualTo(Encoding.GetEncoding(54936).GetBytes(name)), "byte-exact in GB18030");
            }
        });
    }

    [Test]
    public async Task Batch_JsonArrayWithAMalformedElement_RejectsThatRowOnly()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var body = $"[{JsonSerializer.Serialize(RecordTestCatalogue.Record("J-1"))}, {{\"catalogueCode\": 5}}, null]";

        using var response = await scjgj.PostAsync("/api/v1/records/batch", new StringContent(body, Encoding.UTF8, "application/json"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Counts(result), Is.EqualTo((1, 0, 2)));
            Assert.That(result.GetProperty("rejections")[0].GetProperty("row").GetInt32(), Is.EqualTo(2));
            Assert.That(result.GetProperty("rejections")[0].GetProperty("errors").EnumerateObject().Single().Name, Is.EqualTo("$.catalogueCode"));
            Assert.That(result.GetProperty("rejections")[1].GetProperty("row").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Batch_JsonFieldsThatAreNotAnObjectOrNull_RejectThatRowOnly_ARepeatedKeyKeepsItsLastValue()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var plain = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var good = JsonSerializer.Serialize(RecordTestCatalogue.Record("FO-1"), plain)
            .Replace("""{"decisionNumber":"开市监罚1号"}""", """{"decisionNumber":"开市监罚0号","decisionNumber":"开市监罚7号"}""", StringComparison.Ordinal);
        var array = JsonSerializer.Serialize(RecordTestCatalogue.Record("FO-2", fields: new[] { 1, 2 }));
        var none = JsonSerializer.Serialize(RecordTestCatalogue.Record("FO-3"), plain).Replace("""{"decisionNumber":"开市监罚1号"}""", "null", StringComparison.Ordinal);

        using var response = await scjgj.PostAsync("/api/v1/records/batch", new StringContent($"[{good},{array},{none}]", Encoding.UTF8, "application/json"));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Counts(result), Is.EqualTo((1, 0, 2)), result.GetRawText());
            var rejections = result.GetProperty("rejections");
            Assert.That(rejections[0].GetProperty("row").GetInt32(), Is.EqualTo(2));
            Assert.That(rejections[0].GetProperty("errors").GetProperty("$.fields")[0].GetString(), Is.EqualTo("记录不是预期的 JSON 结构，位置 $.fields。"));
            Assert.That(rejections[1].GetProperty("sourceRef").GetString(), Is.EqualTo("FO-3"));
            Assert.That(rejections[1].GetProperty("errors").GetProperty("fields.decisionNumber")[0].GetString(), Is.EqualTo("字段 decisionNumber（决定书文号）为必填项，未填写"));
            Assert.That(await ScalarAsync<string>("SELECT v.fields FROM records r JOIN record_revisions v ON v.record_id = r.id WHERE r.source_ref = 'FO-1'", null),
                Is.EqualTo("""{"decisionNumber":"开市监罚7号"}"""));
        });
    }

    /// <summary>
    /// JSON that is well formed but holds a name that is not text (an escaped unpaired surrogate) or bytes that are not
    /// UTF-8 inside a string rejects its own row, not the batch.
    /// </summary>
    [Test]
    public async Task Batch_JsonWithNamesOrBytesThatAreNotText_RejectsThoseRowsOnly()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        const string notUtf8 = "@NOT-UTF8@";
        var rows = new[]
        {
            JsonSerializer.Serialize(RecordTestCatalogue.Record("NT-1")),
            JsonSerializer.Serialize(RecordTestCatalogue.Record("NT-2")).Replace("\"name\":", "\"\\uDC00\":\"x\",\"name\":", StringComparison.Ordinal),
            "{\"\\uD800catalogueCode\":\"x\",\"sourceRef\":\"NT-3\"}",
            JsonSerializer.Serialize(RecordTestCatalogue.Record("NT-4", fields: new { decisionNumber = "开市监罚4号", count = new[] { notUtf8 } })),
        };
        var text = Encoding.UTF8.GetBytes($"[{string.Join(',', rows)}]");
        var marker = Encoding.UTF8.GetBytes(notUtf8);
        var at = text.AsSpan().IndexOf(marker);
        var body = text[..at].Append((byte)0xFF).Concat(text[(at + marker.Length)..]).ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await scjgj.PostAsync("/api/v1/records/batch", content);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.GetRawText());
            Assert.That(Counts(result), Is.EqualTo((1, 0, 3)), result.GetRawText());
            var rejections = result.GetProperty("rejections");
            Assert.That(rejections.EnumerateArray().Select(r => r.GetProperty("row").GetInt32()), Is.EqualTo(new[] { 2, 3, 4 }));
            Assert.That(rejections[0].GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value[0].GetString())),
                Is.EqualTo(new[] { ("$.subject", "记录不是预期的 JSON 结构，位置 $.subject。") }));
            Assert.That(rejections[1].GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value[0].GetString())),
                Is.EqualTo(new[] { ("$", "记录不是预期的 JSON 结构，位置 $。") }));
            Assert.That(rejections[2].GetProperty("errors").EnumerateObject().Select(e => (e.Name, e.Value[0].GetString())),
                Is.EqualTo(new[] { ("fields.count", "字段 count（次数）应为整数，实际为数组") }));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Batch_LargeJsonBody_WithOrWithoutDeclaredLength_StoresEveryRow(bool declared)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var prefix = declared ? "CL-" : "CH-";
        var body = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(1, 1200).Select(i => RecordTestCatalogue.Record($"{prefix}{i}")));
        using HttpContent content = declared ? new ByteArrayContent(body) : new UnknownLengthContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await scjgj.PostAsync("/api/v1/records/batch", content);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(body, Has.Length.GreaterThan(4 * 64 * 1024), "several times the first buffer");
            Assert.That(Counts(result), Is.EqualTo((1200, 0, 0)), result.GetRawText());
            Assert.That(await CountAsync($"SELECT COUNT(*) FROM records WHERE source_ref LIKE '{prefix}%'"), Is.EqualTo(1200));
        });
    }

    /// <summary>
    /// A body of declared length sent in pieces of an odd size, each flushed: the service splits it into records as it
    /// arrives and reads the first part before the rest has come, so every way an element can be cut off is met.
    /// </summary>
    private sealed class PiecewiseContent(byte[] bytes, int piece = 4099) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += piece)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(piece, bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    /// <summary>Posts a JSON batch serialised whole (without a declared length) or in pieces (with one).</summary>
    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, object rows, bool inPieces)
    {
        if (!inPieces)
        {
            return await client.PostAsJsonAsync("/api/v1/records/batch", rows);
        }

        using var content = new PiecewiseContent(JsonSerializer.SerializeToUtf8Bytes(rows));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync("/api/v1/records/batch", content);
    }

    /// <summary>An element of 600 KB arrives in a hundred and fifty pieces: it is still one row, rejected for its field.</summary>
    [Test]
    public async Task Batch_SentInPieces_WithAVeryLargeElement_ReadsItAsOneRow()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var rows = new[]
        {
            RecordTestCatalogue.Record("LE-1"),
            RecordTestCatalogue.Record("LE-2", fields: new { decisionNumber = new string('号', 200_000) }),
            RecordTestCatalogue.Record("LE-3"),
        };

        using var response = await PostJsonAsync(scjgj, rows, inPieces: true);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text[..Math.Min(2000, text.Length)]);
        var result = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(async () =>
        {
            Assert.That(Counts(result), Is.EqualTo((2, 0, 1)));
            var rejection = result.GetProperty("rejections").EnumerateArray().Single();
            Assert.That(rejection.GetProperty("row").GetInt32(), Is.EqualTo(2));
            Assert.That(rejection.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "fields.decisionNumber" }));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM records WHERE source_ref IN ('LE-1', 'LE-3')"), Is.EqualTo(2));
        });
    }

    [TestCase("] x")]
    [TestCase("")]
    [TestCase(", {\"sourceRef\": ]")]
    public async Task Batch_SentInPieces_MalformedAfterItsFirstPart_Returns400AndStoresNothing(string end)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var records = JsonSerializer.Serialize(Enumerable.Range(1, 1200).Select(i => RecordTestCatalogue.Record($"MP-{i}")));
        using var content = new PiecewiseContent(Encoding.UTF8.GetBytes(records[..^1] + end));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await scjgj.PostAsync("/api/v1/records/batch", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/malformed-json");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM records WHERE source_ref LIKE 'MP-%'"), Is.Zero);
    }

    /// <summary>A body sent without Content-Length (chunked), as a client streaming its export would send it.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [TestCase("[{\"sourceRef\": \"MJ-1\"}] x", "malformed")]
    [TestCase("[{\"sourceRef\": \"MJ-1\"}", "malformed")]
    [TestCase("", "malformed")]
    [TestCase("{\"sourceRef\": \"MJ-1\"}", "not an array")]
    [TestCase("\"MJ-1\"", "not an array")]
    public async Task Batch_JsonThatIsMalformedOrNotAnArray_Returns400AndStoresNothing(string body, string kind)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");

        using var response = await scjgj.PostAsync("/api/v1/records/batch", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, kind == "malformed" ? "/problems/malformed-json" : "/problems/validation");
        if (kind != "malformed")
        {
            Assert.That(ProblemAssert.Errors(problem)["$"], Is.EqualTo(new[] { "批量报送的请求体必须是记录的 JSON 数组。" }));
        }

        Assert.That(await CountAsync("SELECT COUNT(*) FROM records WHERE source_ref = 'MJ-1'"), Is.Zero);
    }

    [Test]
    public async Task Batch_WithOneRowOfAnotherDepartmentsEntry_Returns403AndStoresNothing()
    {
        using var swj = Api.CreateClient("dev-dept-swj");
        var taxRecord = RecordTestCatalogue.Record("F-1", catalogueCode: "KZ-SWJ-NSXYA");
        var foreign = RecordTestCatalogue.Record("F-2");

        using var response = await swj.PostAsJsonAsync("/api/v1/records/batch", new[] { taxRecord, foreign });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden");
        Assert.That(await CountAsync("SELECT COUNT(*) FROM records WHERE source_ref IN ('F-1', 'F-2')"), Is.Zero);
    }

    /// <summary>1,400 rows: a batch of two parts (1,000 and 400), the second validated while the first is written.</summary>
    private static List<Dictionary<string, object?>> TwoParts(string prefix) =>
        Enumerable.Range(1, 1400).Select(i => RecordTestCatalogue.Record($"{prefix}{i}")).ToList();

    [TestCase(false, "P2-")]
    [TestCase(true, "PP-")]
    public async Task Batch_InTwoParts_ARepeatInTheSecondPartIsADuplicateOfTheFirst_AndAChangedRepeatAConflict(bool inPieces, string prefix)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var rows = TwoParts(prefix);
        rows[1200] = RecordTestCatalogue.Record($"{prefix}5");
        rows[1299] = RecordTestCatalogue.Record($"{prefix}6", fields: new { decisionNumber = "开市监罚6号（改）" });

        using var response = await PostJsonAsync(scjgj, rows, inPieces);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var result = JsonDocument.Parse(text).RootElement;
        var duplicate = result.GetProperty("duplicateRecords").EnumerateArray().Single();
        var rejection = result.GetProperty("rejections").EnumerateArray().Single();
        Assert.Multiple(async () =>
        {
            Assert.That(Counts(result), Is.EqualTo((1398, 1, 1)));
            Assert.That(duplicate.GetProperty("row").GetInt32(), Is.EqualTo(1201));
            Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM records WHERE source_ref = @Ref AND LOWER(CAST(id AS VARCHAR(36))) = @Id",
                new { Ref = $"{prefix}5", Id = duplicate.GetProperty("recordId").GetGuid().ToString() }), Is.EqualTo(1));
            Assert.That(rejection.GetProperty("row").GetInt32(), Is.EqualTo(1300));
            Assert.That(rejection.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "sourceRef" }));
            Assert.That(await CountAsync($"SELECT COUNT(*) FROM records WHERE source_ref LIKE '{prefix}%'"), Is.EqualTo(1398));
        });
    }

    /// <summary>
    /// A large batch while another holds SQLite's kept bulk connection writes on a pooled one, whose cache goes back to the
    /// default; the next, on the kept one. Both store every row once. Other engines have no kept connection.
    /// </summary>
    [Test]
    public async Task Batch_LargeWhileTheBulkConnectionIsTaken_AndAfter_StoreEveryRowOnce()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var bulk = Api.Services.GetRequiredService<SqliteBulkConnection>();

        var held = await bulk.TakeAsync(CancellationToken.None);
        HttpStatusCode whileTaken;
        string whileTakenText;
        long changesBefore;
        try
        {
            using var response = await PostJsonAsync(scjgj, TwoParts("PW-"), inPieces: false);
            (whileTaken, whileTakenText) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            changesBefore = held is null ? 0 : await held.Connection.ExecuteScalarAsync<long>("SELECT total_changes()");
            held?.Keep();
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync();
            }
        }

        long? pooledCache = null;
        if (engine == Engine.Sqlite)
        {
            await using var pooled = await Api.Services.GetRequiredService<System.Data.Common.DbDataSource>().OpenConnectionAsync();
            pooledCache = await pooled.ExecuteScalarAsync<long>("PRAGMA cache_size");
        }

        using var after = await PostJsonAsync(scjgj, TwoParts("PX-"), inPieces: false);
        var afterText = await after.Content.ReadAsStringAsync();
        var again = await bulk.TakeAsync(CancellationToken.None);
        var (sameConnection, changesAfter) = again is null ? (false, 0L)
            : (ReferenceEquals(again.Connection, held?.Connection), await again.Connection.ExecuteScalarAsync<long>("SELECT total_changes()"));
        if (again is not null)
        {
            again.Keep();
            await again.DisposeAsync();
        }

        Assert.Multiple(async () =>
        {
            Assert.That(held is null, Is.EqualTo(engine != Engine.Sqlite), "SQLite alone keeps a bulk connection");
            Assert.That(whileTaken, Is.EqualTo(HttpStatusCode.OK), whileTakenText);
            Assert.That(Counts(JsonDocument.Parse(whileTakenText).RootElement), Is.EqualTo((1400, 0, 0)));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), afterText);
            Assert.That(Counts(JsonDocument.Parse(afterText).RootElement), Is.EqualTo((1400, 0, 0)));
            if (engine == Engine.Sqlite)
            {
                Assert.That(pooledCache, Is.EqualTo(-2000), "the pooled connection went back with SQLite's default cache");
                Assert.That(sameConnection, Is.True, "the batch after was written on the kept connection");
                Assert.That(changesAfter - changesBefore, Is.GreaterThanOrEqualTo(2 * 1400), "its records and their revisions");
            }

            foreach (var prefix in new[] { "PW-", "PX-" })
            {
                Assert.That(await CountAsync($"SELECT COUNT(DISTINCT source_ref) FROM records WHERE source_ref LIKE '{prefix}%'"), Is.EqualTo(1400), prefix);
                Assert.That(await CountAsync($"SELECT COUNT(*) FROM records WHERE source_ref LIKE '{prefix}%'"), Is.EqualTo(1400), prefix);
            }
        });
    }

    [TestCase("1350:KZ-SWJ-NSXYA", "KZ-SWJ-NSXYA", false)]
    [TestCase("3:KZ-FY-SXBZXR 1350:KZ-SWJ-NSXYA", "KZ-FY-SXBZXR、KZ-SWJ-NSXYA", false)]
    [TestCase("1350:KZ-SWJ-NSXYA", "KZ-SWJ-NSXYA", true)]
    [TestCase("3:KZ-FY-SXBZXR 1350:KZ-SWJ-NSXYA", "KZ-FY-SXBZXR、KZ-SWJ-NSXYA", true)]
    [TestCase("3:KZ-FY-SXBZXR", "KZ-FY-SXBZXR", true)]
    public async Task Batch_InTwoParts_WithOtherDepartmentsEntries_Returns403NamingEveryOne_AndStoresNoRowOfEitherPart(string foreignRows,
        string named, bool inPieces)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var rows = TwoParts("PF-");
        foreach (var (row, code) in foreignRows.Split(' ').Select(f => f.Split(':')).Select(f => (int.Parse(f[0]), f[1])))
        {
            rows[row - 1] = RecordTestCatalogue.Record($"PF-{row}", catalogueCode: code);
        }

        using var response = await PostJsonAsync(scjgj, rows, inPieces);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden",
            $"部门 SCJGJ 不是目录条目 {named} 的提供单位，不能报送其信息；本次未入库任何记录。", "PF-");
    }

    [Test]
    public async Task Batch_NamingAnotherDepartmentsEntryUnderAPropertyNameInOtherCase_Returns403AndStoresNothing()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var foreign = RecordTestCatalogue.Record("PC-2");
        foreign.Remove("catalogueCode");
        foreign["CATALOGUECODE"] = "KZ-SWJ-NSXYA";

        using var response = await scjgj.PostAsJsonAsync("/api/v1/records/batch", new[] { RecordTestCatalogue.Record("PC-1"), foreign });

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "/problems/forbidden",
            "部门 SCJGJ 不是目录条目 KZ-SWJ-NSXYA 的提供单位，不能报送其信息；本次未入库任何记录。", "PC-");
    }

    [Test]
    public async Task Batch_WithACatalogueCodeInsideFields_IsNotRefused_TheRowIsRejectedForTheUnknownField()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var nested = RecordTestCatalogue.Record("PD-2", fields: new { decisionNumber = "开市监罚2号", catalogueCode = "KZ-SWJ-NSXYA" });

        using var response = await scjgj.PostAsJsonAsync("/api/v1/records/batch", new[] { RecordTestCatalogue.Record("PD-1"), nested });

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var result = JsonDocument.Parse(text).RootElement;
        var rejection = result.GetProperty("rejections").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(Counts(result), Is.EqualTo((1, 0, 1)));
            Assert.That(rejection.GetProperty("row").GetInt32(), Is.EqualTo(2));
            Assert.That(rejection.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "fields.catalogueCode" }));
        });
    }

    [Test]
    public async Task Batch_InTwoParts_ANewSubjectTakesTheNameOfItsLastRecord_WithOneNameInItsHistory()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var code = IdentifierGen.BuildUscc("91500154", "MA6Y1001");
        var rows = TwoParts("PN-");
        rows[10] = RecordTestCatalogue.Record("PN-11", subjectCode: code, subjectName: "重庆市开州区分段甲有限公司");
        rows[1100] = RecordTestCatalogue.Record("PN-1101", subjectCode: code, subjectName: "重庆市开州区分段乙有限公司");

        using var response = await scjgj.PostAsJsonAsync("/api/v1/records/batch", rows);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await using var db = TestEngines.CreateDataSource(Api.Engine, Api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        var name = await connection.ExecuteScalarAsync<string>("SELECT name FROM subjects WHERE lookup_key = @Code", new { Code = code });
        var history = (await connection.QueryAsync<(string Name, string SourceRef)>("""
            SELECT n.name, r.source_ref FROM subject_names n JOIN subjects s ON s.id = n.subject_id JOIN records r ON r.id = n.recorded_by_record
            WHERE s.lookup_key = @Code
            """, new { Code = code })).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("重庆市开州区分段乙有限公司"));
            Assert.That(history, Is.EqualTo(new[] { ("重庆市开州区分段乙有限公司", "PN-1101") }));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Batch_OverTheRowCap_Returns413AndStoresNothing(bool inPieces)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var rows = Enumerable.Range(1, 1501).Select(i => RecordTestCatalogue.Record($"CAP-{i}")).ToList();

        using var response = await PostJsonAsync(scjgj, rows, inPieces);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "/problems/body-too-large",
            "一批最多 1500 条记录，本批有 1501 条；请拆分后分批报送。", "CAP-");
    }

    [Test]
    public async Task Batch_CsvWithARepeatedColumn_Returns400NamingIt()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        var csv = "sourceRef,subjectCode,决定日期,decisionDate\r\nR-1,91500154MA5UY8B35C,2026-11-20,2026-11-20\r\n";
        using var response = await scjgj.PostAsync($"/api/v1/records/batch?catalogueCode={RecordTestCatalogue.Code}", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/validation");
        Assert.That(ProblemAssert.Errors(problem)["line 1"], Is.EqualTo(new[]
        {
            "CSV 表头无效：列 decisionDate 重复出现（字段键与固定列同名时，请写作 \"fields.键\"，或用字段的中文名）。",
        }));
    }

    [Test]
    public async Task Batch_WrongMediaType_Returns415()
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var response = await scjgj.PostAsync("/api/v1/records/batch", new StringContent("<records/>", Encoding.UTF8, "application/xml"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
    }

    private async Task<JsonElement> PostCsvAsync(byte[] body, string mediaType)
    {
        using var scjgj = Api.CreateClient("dev-dept-scjgj");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await scjgj.PostAsync($"/api/v1/records/batch?catalogueCode={RecordTestCatalogue.Code}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The batch was refused with this problem and detail, and no row of it (source references starting so) was stored.</summary>
    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string type, string detail, string sourceRefPrefix)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, status, type);
        Assert.Multiple(async () =>
        {
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(detail));
            Assert.That(await CountAsync($"SELECT COUNT(*) FROM records WHERE source_ref LIKE '{sourceRefPrefix}%'"), Is.Zero);
        });
    }

    private static (int Accepted, int Duplicates, int Rejected) Counts(JsonElement result) => (
        result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetInt32(), result.GetProperty("rejected").GetInt32());

    private static (int Row, int Line, string Field)[] Rejections(JsonElement result) => result.GetProperty("rejections").EnumerateArray()
        .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("line").GetInt32(), r.GetProperty("errors").EnumerateObject().Single().Name))
        .ToArray();

    private async Task<long> CountAsync(string sql) => await ScalarAsync<long>(sql, null);

    private async Task<T?> ScalarAsync<T>(string sql, object? parameters)
    {
        await using var db = TestEngines.CreateDataSource(Api.Engine, Api.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }
}
