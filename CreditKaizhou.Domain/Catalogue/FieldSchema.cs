using Kind = CreditKaizhou.Domain.Catalogue.FieldSchemaProblemKind;
using Problem = CreditKaizhou.Domain.Catalogue.FieldSchemaProblem;

namespace CreditKaizhou.Domain.Catalogue;

/// <summary>The fields a record of a catalogue entry carries, in the order forms and exports show them.</summary>
public sealed class FieldSchema : IEquatable<FieldSchema>
{
    public const int MaxFields = 100;
    public const int MaxKeyLength = 64;
    public const int MaxNameLength = 64;

    /// <summary>
    /// The longest string field allowed. 5000, not 4000: the national 行政处罚 data standard gives 违法事实 5000
    /// characters, and the catalogue must be able to carry it.
    /// </summary>
    public const int MaxStringLength = 5000;

    public const int MaxUnitLength = 16;

    /// <summary>The JSON name of the schema in a catalogue entry: the root of every problem path.</summary>
    public const string Root = "fieldsSchema";

    private readonly Dictionary<string, FieldDefinition> byKey = new(StringComparer.Ordinal);

    public FieldSchema(IEnumerable<FieldDefinition> fields)
    {
        Fields = [.. fields];
        foreach (var field in Fields)
        {
            // A schema that fails Validate() may repeat a key; the first one counts.
            if (field.Key is not null)
            {
                byKey.TryAdd(field.Key, field);
            }
        }
    }

    public static FieldSchema Empty { get; } = new([]);

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>The field with exactly this key, or null.</summary>
    public FieldDefinition? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary><c>^[a-z][A-Za-z0-9]{0,63}$</c>: safe as a JSON key, a CSV header and a column alias alike.</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || !char.IsAsciiLetterLower(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks the schema itself and reports every problem found, each with its path. Keys are unique ignoring case
    /// (fineAmount and FineAmount side by side would be a trap for anyone typing a CSV header); names are unique
    /// as written.
    /// </summary>
    public IReadOnlyList<FieldSchemaProblem> Validate()
    {
        var problems = new List<Problem>();
        if (Fields.Count > MaxFields)
        {
            problems.Add(new Problem(Root, Kind.TooManyFields, ActualCount: Fields.Count));
        }

        var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            var at = PathOf(i);
            if (!IsValidKey(field.Key))
            {
                problems.Add(new Problem($"{at}.key", Kind.KeyInvalid, Actual: field.Key));
            }
            else if (!keys.TryAdd(field.Key, i))
            {
                problems.Add(new Problem($"{at}.key", Kind.KeyDuplicate, Actual: field.Key,
                    OtherPath: $"{PathOf(keys[field.Key])}.key"));
            }

            CheckName(field, i, names, problems);
            CheckMaxLength(field, at, problems);
            CheckUnit(field, at, problems);
            CheckAllowedValues(field, at, problems);
        }

        return problems;
    }

    public bool Equals(FieldSchema? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override bool Equals(object? obj) => Equals(obj as FieldSchema);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in Fields)
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", Fields.Select(f => $"{f.Key}:{f.Type.Code()}"));

    private static string PathOf(int index) => $"{Root}[{index}]";

    private static void CheckName(FieldDefinition field, int index, Dictionary<string, int> names, List<Problem> problems)
    {
        var path = $"{PathOf(index)}.name";
        var name = field.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            problems.Add(new Problem(path, Kind.NameMissing));
        }
        else if (CatalogueText.Length(name) is var length && length > MaxNameLength)
        {
            problems.Add(new Problem(path, Kind.NameTooLong, ActualCount: length));
        }
        else if (!names.TryAdd(name, index))
        {
            problems.Add(new Problem(path, Kind.NameDuplicate, Actual: name, OtherPath: $"{PathOf(names[name])}.name"));
        }
    }

    private static void CheckMaxLength(FieldDefinition field, string at, List<Problem> problems)
    {
        var path = $"{at}.maxLength";
        if (field.Type != FieldType.String)
        {
            if (field.MaxLength is not null)
            {
                problems.Add(new Problem(path, Kind.MaxLengthNotAllowed, Type: field.Type));
            }
        }
        else if (field.MaxLength is not { } maxLength)
        {
            problems.Add(new Problem(path, Kind.MaxLengthMissing));
        }
        else if (maxLength is < 1 or > MaxStringLength)
        {
            problems.Add(new Problem(path, Kind.MaxLengthOutOfRange, ActualCount: maxLength));
        }
    }

    private static void CheckUnit(FieldDefinition field, string at, List<Problem> problems)
    {
        var path = $"{at}.unit";
        if (field.Unit is null)
        {
            return;
        }

        if (field.Type != FieldType.Decimal)
        {
            problems.Add(new Problem(path, Kind.UnitNotAllowed, Type: field.Type));
        }
        else if (string.IsNullOrWhiteSpace(field.Unit))
        {
            problems.Add(new Problem(path, Kind.UnitEmpty));
        }
        else if (CatalogueText.Length(field.Unit) is var length && length > MaxUnitLength)
        {
            problems.Add(new Problem(path, Kind.UnitTooLong, ActualCount: length));
        }
    }

    private static void CheckAllowedValues(FieldDefinition field, string at, List<Problem> problems)
    {
        var path = $"{at}.allowedValues";
        if (field.Type != FieldType.Enum)
        {
            if (field.AllowedValues is not null)
            {
                problems.Add(new Problem(path, Kind.AllowedValuesNotAllowed, Type: field.Type));
            }

            return;
        }

        if (field.AllowedValues is not { Count: > 0 } values)
        {
            problems.Add(new Problem(path, Kind.AllowedValuesMissing));
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < values.Count; j++)
        {
            var value = values[j];
            var valuePath = $"{path}[{j}]";
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new Problem(valuePath, Kind.AllowedValueEmpty));
            }
            else if (value.Trim().Length != value.Length)
            {
                problems.Add(new Problem(valuePath, Kind.AllowedValueUntrimmed, Actual: value));
            }
            else if (!seen.TryAdd(value, j))
            {
                problems.Add(new Problem(valuePath, Kind.AllowedValueDuplicate, Actual: value,
                    OtherPath: $"{path}[{seen[value]}]"));
            }
        }
    }
}
