using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>
/// Reads one record of a JSON batch. A record in the usual form (an object whose properties are named exactly as the
/// service writes them, each at most once, with strings or nulls and a <c>fields</c> object) is read in one pass, its
/// field values kept as given (<see cref="RecordInput.ReadFields"/>): no parsed document per record or per value. Any other
/// record is read by the serializer, whose reading and whose errors stay the rule.
/// </summary>
internal sealed class RecordJsonReader
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, RecordJsonReader> Readers = [];

    /// <summary>The service's options, reading a <c>fields</c> object as one document (<see cref="FieldsConverter"/>).</summary>
    private readonly JsonSerializerOptions _serializer;
    private readonly JsonReaderOptions _reader;

    /// <summary>The names of <see cref="RecordInput"/>'s properties, in the order of <see cref="Property"/>.</summary>
    private readonly byte[][] _names;

    /// <summary>The names of <see cref="SubjectInput"/>'s properties: code, name, type.</summary>
    private readonly byte[][] _subjectNames;

    private RecordJsonReader(JsonSerializerOptions serializer)
    {
        _serializer = new JsonSerializerOptions(serializer) { Converters = { new FieldsConverter() } };
        _reader = ReaderOptions(serializer);
        _names = Names(serializer, nameof(RecordInput.CatalogueCode), nameof(RecordInput.Subject), nameof(RecordInput.SourceRef),
            nameof(RecordInput.Fields), nameof(RecordInput.DecisionDate), nameof(RecordInput.Severity), nameof(RecordInput.EffectiveFrom),
            nameof(RecordInput.EffectiveTo));
        _subjectNames = Names(serializer, nameof(SubjectInput.Code), nameof(SubjectInput.Name), nameof(SubjectInput.Type));
    }

    /// <summary>The reader for the service's JSON options.</summary>
    public static RecordJsonReader For(JsonSerializerOptions serializer) => Readers.GetValue(serializer, static o => new RecordJsonReader(o));

    private enum Property
    {
        CatalogueCode,
        Subject,
        SourceRef,
        Fields,
        DecisionDate,
        Severity,
        EffectiveFrom,
        EffectiveTo,
    }

    /// <summary>The record, or null for a JSON null; the serializer's <see cref="JsonException"/> for a record it cannot read.</summary>
    public RecordInput? Read(ReadOnlySpan<byte> json) =>
        TryRead(json, out var input) ? input : JsonSerializer.Deserialize<RecordInput>(json, _serializer);

    /// <summary>False when the record is not in the usual form (or is not a record at all): the serializer reads it then.</summary>
    private bool TryRead(ReadOnlySpan<byte> json, out RecordInput? input)
    {
        input = null;
        var reader = new Utf8JsonReader(json, _reader);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var values = new string?[_names.Length];
            SubjectInput? subject = null;
            Dictionary<string, RawValue>? fields = null;
            var seen = 0;
            while (NextProperty(ref reader, _names, ref seen, out var property))
            {
                if (property < 0)
                {
                    return false;
                }

                var read = (Property)property switch
                {
                    Property.Subject => TrySubject(ref reader, out subject),
                    Property.Fields => TryFields(ref reader, json, out fields),
                    _ => TryString(ref reader, out values[property]),
                };
                if (!read)
                {
                    return false;
                }
            }

            if (reader.Read())
            {
                return false; // something after the record: the serializer refuses it
            }

            input = new RecordInput(values[(int)Property.CatalogueCode], subject, values[(int)Property.SourceRef], null,
                values[(int)Property.DecisionDate], values[(int)Property.Severity], values[(int)Property.EffectiveFrom],
                values[(int)Property.EffectiveTo]) { ReadFields = fields };
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed, or a property name that is not text (an escaped unpaired surrogate): the serializer says how.
            return false;
        }
    }

    private bool TrySubject(ref Utf8JsonReader reader, out SubjectInput? subject)
    {
        subject = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var values = new string?[_subjectNames.Length];
        var seen = 0;
        while (NextProperty(ref reader, _subjectNames, ref seen, out var property))
        {
            if (property < 0 || !TryString(ref reader, out values[property]))
            {
                return false;
            }
        }

        subject = new SubjectInput(values[0], values[1], values[2]);
        return true;
    }

    /// <summary>Each value as <see cref="RawValue.Of"/> gives it for the same value in a parsed document; a repeated key keeps its last value.</summary>
    private static bool TryFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out Dictionary<string, RawValue>? fields)
    {
        fields = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        fields = new Dictionary<string, RawValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryGetKey(ref reader, out var key))
            {
                return false;
            }

            reader.Read();
            fields[key] = reader.TokenType switch
            {
                JsonTokenType.String => new RawValue(JsonValueKind.String, TryGetString(ref reader, out var text) ? text : null),
                JsonTokenType.Null => new RawValue(JsonValueKind.Null, null),
                JsonTokenType.Number => new RawValue(JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan)),
                JsonTokenType.True => new RawValue(JsonValueKind.True, "true"),
                JsonTokenType.False => new RawValue(JsonValueKind.False, "false"),
                JsonTokenType.StartObject => new RawValue(JsonValueKind.Object, RawText(ref reader, json)),
                _ => new RawValue(JsonValueKind.Array, RawText(ref reader, json)),
            };
        }

        return true;
    }

    /// <summary>
    /// An object's or array's JSON text as it stands in the record, as <see cref="RawValue.Of"/> gives it: null when it is
    /// not UTF-8 (JSON checks its structure, not the bytes inside its strings).
    /// </summary>
    private static string? RawText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        try
        {
            return StrictUtf8.GetString(json[start..(int)reader.BytesConsumed]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null || (reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out value));
    }

    /// <summary>The longest field key kept in <see cref="t_keys"/>, in UTF-8 bytes as it stands in the JSON.</summary>
    private const int MaxKeptKeyBytes = 64;

    /// <summary>How many field keys a thread keeps: an entry has a few dozen, a batch seldom more than one entry.</summary>
    private const int MaxKeptKeys = 1024;

    /// <summary>The field keys this thread has read: every record repeats its entry's keys, and each would be a new string.</summary>
    [ThreadStatic]
    private static Dictionary<string, string>? t_keys;

    /// <summary>A field key (the one string seen before when it was); false for a key that is not text.</summary>
    private static bool TryGetKey(ref Utf8JsonReader reader, out string key)
    {
        if (reader.ValueSpan.Length > MaxKeptKeyBytes)
        {
            var read = TryGetString(ref reader, out var text);
            key = text ?? "";
            return read;
        }

        // Unescaped, a key has at most as many characters as it has bytes in the JSON.
        Span<char> buffer = stackalloc char[MaxKeptKeyBytes];
        int length;
        try
        {
            length = reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            key = "";
            return false;
        }

        var keys = t_keys ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out key!))
        {
            key = new string(buffer[..length]);
            if (keys.Count < MaxKeptKeys)
            {
                keys[key] = key;
            }
        }

        return true;
    }

    /// <summary>False for a string that is not text (an escaped unpaired surrogate).</summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string? value)
    {
        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>
    /// Moves to the value of the object's next property; false at the object's end. <paramref name="property"/> is the
    /// index of its name among <paramref name="names"/>, matched exactly, or -1 for another name or one already in
    /// <paramref name="seen"/>.
    /// </summary>
    private static bool NextProperty(ref Utf8JsonReader reader, byte[][] names, ref int seen, out int property)
    {
        property = -1;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                if ((seen & (1 << i)) == 0)
                {
                    seen |= 1 << i;
                    property = i;
                }

                break;
            }
        }

        reader.Read();
        return true;
    }

    /// <summary>The reader options that read JSON as the serializer with these options reads it.</summary>
    public static JsonReaderOptions ReaderOptions(JsonSerializerOptions serializer) => new()
    {
        AllowTrailingCommas = serializer.AllowTrailingCommas,
        CommentHandling = serializer.ReadCommentHandling,
        MaxDepth = serializer.MaxDepth,
    };

    /// <summary>A property's name in JSON, as the serializer with these options writes it.</summary>
    public static string JsonName(JsonSerializerOptions serializer, string property) =>
        serializer.PropertyNamingPolicy?.ConvertName(property) ?? property;

    private static byte[][] Names(JsonSerializerOptions serializer, params string[] properties) =>
        properties.Select(p => Encoding.UTF8.GetBytes(JsonName(serializer, p))).ToArray();

    /// <summary>
    /// For a record the serializer reads: its <c>fields</c> object as one parsed document whose values the dictionary
    /// shares (the serializer's own reading parses each value into a document of its own), and the errors batches have
    /// always given for a malformed one.
    /// </summary>
    private sealed class FieldsConverter : JsonConverter<Dictionary<string, JsonElement>>
    {
        public override Dictionary<string, JsonElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException();
            }

            var value = JsonElement.ParseValue(ref reader);
            var fields = new Dictionary<string, JsonElement>(value.GetPropertyCount(), StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                fields[property.Name] = property.Value;
            }

            return fields;
        }

        /// <remarks>The options of this converter only read records.</remarks>
        public override void Write(Utf8JsonWriter writer, Dictionary<string, JsonElement> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("These options only read records.");
    }
}
