using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreditKaizhou.Api.Features.Checks;

/// <summary>
/// The leaf of a check: the UTF-8 of its document (the answer without the receipt) as canonical JSON — object
/// members sorted by name (ordinal), no whitespace, strings escaped only where JSON requires (Chinese as is).
/// A verifier outside the service takes GET /api/v1/checks/{id}, drops "receipt", canonicalises the rest the same
/// way and hashes it: SM3(0x00 || bytes) must equal the receipt's leafHash.
/// </summary>
public static class CheckCanonical
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Serialises objects with their members already in canonical order, so that a document is canonical JSON in
    /// one pass (the same bytes <see cref="Canonicalize"/> gives, without building a tree).
    /// </summary>
    public static readonly JsonSerializerOptions Sorted = new(Json)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
                    {
                        return;
                    }

                    var ordered = info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                    for (var i = 0; i < ordered.Count; i++)
                    {
                        ordered[i].Order = i;
                    }
                },
            },
        },
    };

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => Canonicalize(JsonSerializer.SerializeToNode(value, Json));

    public static string Canonicalize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
