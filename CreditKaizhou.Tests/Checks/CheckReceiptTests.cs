using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Infrastructure;
using Dapper;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;

namespace CreditKaizhou.Tests.Checks;

/// <summary>
/// A bidding system files the receipt and checks it months later, with nothing but the published public key
/// and the rules it publishes. This verifier is written here from those rules (RFC 6962 over SM3, SM2 with the
/// GM/T 0009 user ID, the tree-head text) with BouncyCastle directly: none of the service's signing code is used.
/// </summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class CheckReceiptTests(Engine engine)
{
    [Test]
    public async Task Receipt_VerifiesWithThePublishedKey_AndAnyChangeToTheStoredResultsBreaksIt()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var bidding = api.CreateClient("dev-bidding");
        using var court = api.CreateClient("dev-dept-fy");
        await court.PostAsJsonAsync("/api/v1/records", CheckScenarioTests.DefaulterRecord());
        for (var i = 0; i < 3; i++)
        {
            await CheckScenarioTests.CheckAsync(bidding, null, null); // a tree of several leaves
        }

        var answered = await CheckScenarioTests.CheckAsync(bidding, null, null);
        var key = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/checks/public-key");
        var id = answered.GetProperty("checkId").GetString();
        var stored = await bidding.GetFromJsonAsync<JsonElement>($"/api/v1/checks/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(Verify(answered, key), Is.True, "the answer as given");
            Assert.That(Verify(stored, key), Is.True, "the stored check, read back");
        });

        await using (var db = TestEngines.CreateDataSource(api.Engine, api.ConnectionString))
        await using (var connection = await db.OpenConnectionAsync())
        {
            var results = await connection.ExecuteScalarAsync<string>("SELECT results_json FROM checks WHERE id = @Id", new { Id = Guid.Parse(id!) });
            await connection.ExecuteAsync("UPDATE checks SET results_json = @Results WHERE id = @Id",
                new { Id = Guid.Parse(id!), Results = results!.Replace("\"barred\"", "\"eligible\"", StringComparison.Ordinal) });
        }

        var tampered = await bidding.GetFromJsonAsync<JsonElement>($"/api/v1/checks/{id}");
        Assert.That(Verify(tampered, key), Is.False, "a changed verdict no longer matches the signed tree");
    }

    [Test]
    public async Task Receipt_WithAnyByteOfTheAnswerChanged_FailsVerification()
    {
        await using var api = await ApiFactory.StartAsync(engine);
        using var bidding = api.CreateClient("dev-bidding");
        var answered = await CheckScenarioTests.CheckAsync(bidding, null, null);
        var key = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/checks/public-key");
        Assert.That(Verify(answered, key), Is.True);

        var text = answered.GetRawText();
        var changed = 0;
        // Change one character at a time inside every string value of the document (not the receipt).
        var document = JsonNode.Parse(text)!.AsObject();
        document.Remove("receipt");
        foreach (var (path, value) in Strings(document, "$"))
        {
            var altered = JsonNode.Parse(text)!.AsObject();
            Set(altered, path, value.Length == 0 ? "x" : (char)(value[0] + 1) + value[1..]);
            Assert.That(Verify(JsonDocument.Parse(altered.ToJsonString()).RootElement, key), Is.False, path);
            changed++;
        }

        Assert.That(changed, Is.GreaterThan(10));
    }

    /// <summary>The whole verification a bidding system does, from the published rules.</summary>
    private static bool Verify(JsonElement check, JsonElement publishedKey)
    {
        var receipt = check.GetProperty("receipt");
        var document = JsonNode.Parse(check.GetRawText())!.AsObject();
        document.Remove("receipt");
        var leaf = Encoding.UTF8.GetBytes(Canonical(document));
        var leafHash = Sm3([0x00, .. leaf]);
        if (Convert.ToHexStringLower(leafHash) != receipt.GetProperty("leafHash").GetString())
        {
            return false;
        }

        var root = RootFromPath(leafHash, receipt.GetProperty("leafIndex").GetInt64(), receipt.GetProperty("treeSize").GetInt64(),
            receipt.GetProperty("inclusionProof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList());
        var rootHex = receipt.GetProperty("rootHash").GetString();
        if (root is null || Convert.ToHexStringLower(root) != rootHex)
        {
            return false;
        }

        var timestamp = DateTimeOffset.Parse(receipt.GetProperty("treeHeadTimestamp").GetString()!, CultureInfo.InvariantCulture).UtcDateTime;
        var head = $"creditkaizhou-tree-head/v1\n{receipt.GetProperty("treeSize").GetInt64()}\n{rootHex}\n{timestamp:yyyy-MM-ddTHH:mm:ss.fffffff}Z";
        using var reader = new StringReader(publishedKey.GetProperty("publicKeyPem").GetString()!);
        var publicKey = (ECPublicKeyParameters)new PemReader(reader).ReadObject();
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, new ParametersWithID(publicKey, Encoding.ASCII.GetBytes(publishedKey.GetProperty("userId").GetString()!)));
        var bytes = Encoding.ASCII.GetBytes(head);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.VerifySignature(Convert.FromBase64String(receipt.GetProperty("signature").GetString()!));
    }

    /// <summary>RFC 9162 §2.1.3.2: the root an inclusion path leads to, or null when the path has the wrong length.</summary>
    private static byte[]? RootFromPath(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path)
    {
        if (index >= size)
        {
            return null;
        }

        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Sm3([0x01, .. p, .. r]);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = Sm3([0x01, .. r, .. p]);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    private static byte[] Sm3(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var result = new byte[32];
        digest.DoFinal(result, 0);
        return result;
    }

    /// <summary>Members sorted by name (ordinal), no whitespace, strings escaped only where JSON requires.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Key, Relaxed) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        _ => node.ToJsonString(Relaxed),
    };

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(path, v.GetValue<string>())],
        _ => [],
    };

    private static void Set(JsonObject root, string path, string value)
    {
        JsonNode node = root;
        var parts = System.Text.RegularExpressions.Regex.Matches(path[1..], @"\.([^.\[]+)|\[(\d+)\]").ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var m = parts[i];
            if (m.Groups[1].Success)
            {
                if (last)
                {
                    node[m.Groups[1].Value] = value;
                }
                else
                {
                    node = node[m.Groups[1].Value]!;
                }
            }
            else
            {
                var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                if (last)
                {
                    node[index] = value;
                }
                else
                {
                    node = node[index]!;
                }
            }
        }
    }
}
