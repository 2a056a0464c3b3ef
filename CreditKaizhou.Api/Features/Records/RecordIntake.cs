using System.Globalization;
using System.Text.Json;
using CreditKaizhou.Api.Features.Identifiers;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Identifiers;
using CreditKaizhou.Domain.Records;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>One input after validation: the record to store, or what is wrong with it (paths relative to the record).</summary>
public sealed record IntakeRow(RecordSubmission? Submission, IReadOnlyDictionary<string, string[]>? Errors, string? SourceRef);

/// <summary>A batch after validation; <see cref="ForeignEntries"/> lists entries of other departments, which refuse the whole batch.</summary>
public sealed record IntakeBatch(IReadOnlyList<IntakeRow> Rows, IReadOnlyList<string> ForeignEntries);

/// <summary>
/// Validates submitted records against their catalogue entry's current version and their subject's
/// identifier, and normalises them for storage: one catalogue lookup and one snapshot of the code
/// exception list per batch, then pure work per row.
/// </summary>
public sealed class RecordIntake(ICatalogueRepository catalogue, KnownCodeExceptions exceptions, PersonalIdProtector ids, TimeProvider clock)
{
    public const int MaxSourceRefLength = 128;
    public const int MaxNameLength = 200;
    /// <summary>From this many rows a batch, or the first part of a large one, is read and validated on every core.</summary>
    internal const int ParallelFrom = 256;

    public async Task<IntakeBatch> PrepareAsync(string departmentCode, IReadOnlyList<RecordInput?> inputs, CancellationToken ct) =>
        await (await BeginAsync(departmentCode, ct)).PrepareAsync(inputs, parallel: true, ct);

    /// <summary>A batch validated in parts: one snapshot of the code exception list, each catalogue entry looked up once.</summary>
    public async Task<Session> BeginAsync(string departmentCode, CancellationToken ct)
    {
        var known = await exceptions.SnapshotAsync(ct);
        return new Session(this, departmentCode, known.Contains, clock.Today(), CultureInfo.CurrentUICulture);
    }

    private Task<IReadOnlyDictionary<string, CatalogueEntry>> EntriesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        catalogue.GetCurrentAsync(codes, ct);

    /// <summary>The parts of one batch, validated one after another (never two at once).</summary>
    public sealed class Session(RecordIntake intake, string departmentCode, Func<string, bool> isKnownException, DateOnly today, CultureInfo culture)
    {
        private readonly Dictionary<string, CatalogueEntry> _entries = new(StringComparer.Ordinal);
        private readonly HashSet<string> _looked = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _foreign = new(StringComparer.Ordinal);

        /// <summary>Validates these inputs; with <paramref name="parallel"/>, a large part on every core.</summary>
        public async Task<IntakeBatch> PrepareAsync(IReadOnlyList<RecordInput?> inputs, bool parallel, CancellationToken ct)
        {
            var foreign = await LookUpAsync(inputs.Select(i => i?.CatalogueCode), ct);
            if (foreign.Count > 0)
            {
                return new IntakeBatch([], foreign);
            }

            var context = new Context(departmentCode, _entries, isKnownException, today, culture);
            // Rows are independent and validation is CPU work: a large batch may use every core (culture flows to the workers).
            var rows = parallel && inputs.Count >= ParallelFrom
                ? inputs.AsParallel().AsOrdered().Select(input => intake.Prepare(input, context)).ToList()
                : inputs.Select(input => intake.Prepare(input, context)).ToList();
            return new IntakeBatch(rows, []);
        }

        /// <summary>
        /// Looks up the entries these codes name that were not looked up before, and returns every entry looked up so far in
        /// this session that another department provides, by its code as the catalogue has it, in code order.
        /// </summary>
        public async Task<IReadOnlyList<string>> LookUpAsync(IEnumerable<string?> codes, CancellationToken ct)
        {
            var unseen = codes.Select(c => c?.Trim()).OfType<string>().Where(c => c.Length > 0 && _looked.Add(c)).ToList();
            if (unseen.Count > 0)
            {
                foreach (var (code, entry) in await intake.EntriesAsync(unseen, ct))
                {
                    _entries[code] = entry;
                    if (entry.DepartmentCode != departmentCode)
                    {
                        _foreign.Add(entry.Code);
                    }
                }
            }

            return [.. _foreign];
        }
    }

    /// <summary>Validates the content of a correction against the entry's current version.</summary>
    public async Task<(RevisionContent? Content, IReadOnlyDictionary<string, string[]>? Errors)> PrepareCorrectionAsync(
        string departmentCode, RecordHead head, SubjectIdentity subject, CorrectRecordRequest request, CancellationToken ct)
    {
        var input = new RecordInput(head.CatalogueCode, new SubjectInput(null, subject.Name, subject.Type), "correction",
            request.Fields, request.DecisionDate, request.Severity, request.EffectiveFrom, request.EffectiveTo);
        var entries = await catalogue.GetCurrentAsync([head.CatalogueCode], ct);
        var known = await exceptions.SnapshotAsync(ct);
        var context = new Context(departmentCode, entries, known.Contains, clock.Today(), CultureInfo.CurrentUICulture);
        var row = Prepare(input, context, subject);
        if (row.Submission is not { } s)
        {
            return (null, row.Errors);
        }

        return (new RevisionContent(s.EntryVersion, s.FieldsJson, s.DecisionDate, s.Severity,
            s.EffectiveFrom, s.EffectiveTo, s.PublicityUntil, s.PayloadHash, request.Reason!.Trim()), null);
    }

    private IntakeRow Prepare(RecordInput? input, Context context, SubjectIdentity? fixedSubject = null)
    {
        var errors = new Errors(context.Culture);
        if (input is null)
        {
            errors.Add("$", Text.T("记录不能为空。", "The record must not be null."));
            return new IntakeRow(null, errors.ToDictionary(), null);
        }

        var sourceRef = input.SourceRef?.Trim();
        if (string.IsNullOrEmpty(sourceRef))
        {
            errors.Add("sourceRef", Text.T("来源编号 sourceRef 不能为空：它使重复提交不会重复入库。", "sourceRef must not be empty: it is what makes a retried submission safe."));
        }
        else if (sourceRef.Length > MaxSourceRefLength || HasControlCharacter(sourceRef))
        {
            errors.Add("sourceRef", Text.T($"来源编号最长 {MaxSourceRefLength} 个字符，且不能含控制字符。", $"sourceRef holds at most {MaxSourceRefLength} characters and no control characters."));
        }

        var code = input.CatalogueCode?.Trim();
        CatalogueEntry? entry = null;
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("catalogueCode", Text.T("目录编码 catalogueCode 不能为空。", "catalogueCode must not be empty."));
        }
        else if (!context.Entries.TryGetValue(code, out entry))
        {
            errors.Add("catalogueCode", Text.T($"目录中没有编码为 {code} 的条目。", $"The catalogue has no entry {code}."));
        }

        var subject = fixedSubject ?? Subject(input.Subject, entry, context, errors);
        var subjectName = input.Subject?.Name?.Trim();
        if (string.IsNullOrEmpty(subjectName) || subjectName.Length > MaxNameLength)
        {
            errors.Add("subject.name", Text.T($"主体名称不能为空，最长 {MaxNameLength} 个字符。", $"subject.name must not be empty and holds at most {MaxNameLength} characters."));
        }

        var decisionDate = Date(input.DecisionDate, "decisionDate", required: true, context, errors);
        if (decisionDate > context.Today)
        {
            errors.Add("decisionDate", Text.T($"决定日期 {decisionDate:yyyy-MM-dd} 晚于今天。", $"decisionDate {decisionDate:yyyy-MM-dd} is after today."));
        }

        var effectiveFrom = Date(input.EffectiveFrom, "effectiveFrom", required: false, context, errors) ?? decisionDate;
        var effectiveTo = Date(input.EffectiveTo, "effectiveTo", required: false, context, errors);
        if (effectiveTo < effectiveFrom)
        {
            errors.Add("effectiveTo", Text.T($"生效截止日期 {effectiveTo:yyyy-MM-dd} 早于生效起始日期 {effectiveFrom:yyyy-MM-dd}。",
                $"effectiveTo {effectiveTo:yyyy-MM-dd} is before effectiveFrom {effectiveFrom:yyyy-MM-dd}."));
        }

        Severity? severity = null;
        if (entry is not null)
        {
            severity = SeverityOf(input.Severity, entry, errors);
        }

        IReadOnlyDictionary<string, object?>? values = null;
        if (entry is not null)
        {
            var validation = input.TextFields is { } cells
                ? FieldValues.ValidateText(entry.Fields, ByKey(entry.Fields, cells), context.IsKnownException, context.Today)
                : input.ReadFields is { } read
                    ? FieldValues.ValidateJson(entry.Fields, read, context.IsKnownException, context.Today)
                    : FieldValues.ValidateJson(entry.Fields, input.Fields ?? new Dictionary<string, JsonElement>(), context.IsKnownException, context.Today);
            foreach (var problem in validation.Problems)
            {
                errors.Add("fields." + problem.Key, problem.Describe(context.Culture));
            }

            values = validation.Values;
        }

        if (errors.Any || entry is null || subject is null || decisionDate is null || values is null)
        {
            return new IntakeRow(null, errors.ToDictionary(), sourceRef);
        }

        subject = subject with { Name = subjectName! };
        var fieldsJson = CanonicalJson.Serialize(values);
        var window = Publicity.LastPublicDay(entry.PublicityRule, severity, decisionDate.Value, effectiveTo);
        var publicityUntil = window.IsNeverPublic ? decisionDate.Value.AddDays(-1) : window.LastDay;
        var hash = RecordPayload.Hash(entry.Code, subject, fieldsJson, decisionDate.Value, severity?.Code(), effectiveFrom!.Value, effectiveTo);
        return new IntakeRow(new RecordSubmission(context.DepartmentCode, entry.Code, entry.Version, subject, sourceRef!, fieldsJson,
            decisionDate.Value, severity?.Code(), effectiveFrom.Value, effectiveTo, publicityUntil, hash), null, sourceRef);
    }

    private SubjectIdentity? Subject(SubjectInput? input, CatalogueEntry? entry, Context context, Errors errors)
    {
        var code = input?.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("subject.code", Text.T("主体代码不能为空（统一社会信用代码或居民身份证号码）。",
                "subject.code must not be empty (a 统一社会信用代码 or a resident ID number)."));
            return null;
        }

        SubjectType type;
        if (input!.Type is { Length: > 0 } given)
        {
            if (!SubjectTypeCodes.TryParse(given.Trim(), out type))
            {
                errors.Add("subject.type", Text.T($"主体类型 '{given}' 无效，应为 legal、individual_business 或 person。",
                    $"subject.type '{given}' is not legal, individual_business or person."));
                return null;
            }
        }
        else
        {
            // Inferred when left out: an 18-character code that is a valid ID number is a person; 92… is a 个体工商户. (A code
            // with a letter before its last character cannot be an ID number: most credit codes skip the full check.)
            type = MayBeIdNumber(code) && ResidentIdNumber.Validate(code, context.Today).IsValid ? SubjectType.Person
                : code.StartsWith("92", StringComparison.Ordinal) ? SubjectType.IndividualBusiness : SubjectType.Legal;
        }

        if (entry is not null && !entry.SubjectTypes.Contains(type))
        {
            errors.Add("subject.type", Text.T($"目录条目 {entry.Code} 不收录{type.ChineseName()}的信息。",
                $"Catalogue entry {entry.Code} does not take records about {type.Code()} subjects."));
        }

        if (type == SubjectType.Person)
        {
            var id = ResidentIdNumber.Validate(code, context.Today);
            foreach (var problem in id.Problems)
            {
                errors.Add("subject.code", problem.Describe(context.Culture));
            }

            return id.Number is { } number ? new SubjectIdentity(ids.LookupKey(number.Value), number.Mask(), "", type.Code()) : null;
        }

        var uscc = UnifiedSocialCreditCode.Validate(code);
        if (uscc.IsValid || (uscc.HasOnlyChecksumProblems && context.IsKnownException(uscc.CodeIgnoringChecksums!.Value)))
        {
            var value = (uscc.Code ?? uscc.CodeIgnoringChecksums)!.Value;
            return new SubjectIdentity(value, value, "", type.Code());
        }

        foreach (var problem in uscc.Problems)
        {
            errors.Add("subject.code", problem.Describe(context.Culture));
        }

        return null;
    }

    private static bool MayBeIdNumber(string code) => code.Length < 2 || !code.AsSpan(0, code.Length - 1).ContainsAnyExceptInRange('0', '9');

    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Severity? SeverityOf(string? text, CatalogueEntry entry, Errors errors)
    {
        var graded = entry.Polarity == Polarity.Negative && entry.PublicityRule.Mode == PublicityModes.Graded;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (graded)
            {
                errors.Add("severity", Text.T("失信信息须注明严重程度：minor（轻微）、general（一般）或 serious（严重）。",
                    "A negative record needs a severity: minor (轻微), general (一般) or serious (严重)."));
            }

            return null;
        }

        if (!SeverityCodes.TryParse(text.Trim(), out var severity))
        {
            errors.Add("severity", Text.T($"严重程度 '{text}' 无效，应为 minor、general、serious 或 轻微、一般、严重。",
                $"severity '{text}' is not minor, general, serious (轻微, 一般, 严重)."));
            return null;
        }

        if (entry.Polarity != Polarity.Negative)
        {
            errors.Add("severity", Text.T("只有失信信息才有严重程度。", "Only a negative record has a severity."));
            return null;
        }

        return severity;
    }

    /// <summary>CSV columns may name a field by its key or by its Chinese name.</summary>
    private static Dictionary<string, string?> ByKey(FieldSchema schema, IReadOnlyDictionary<string, string?> cells)
    {
        var result = new Dictionary<string, string?>(cells.Count, StringComparer.Ordinal);
        foreach (var (column, value) in cells)
        {
            var key = schema.Find(column)?.Key ?? schema.Fields.FirstOrDefault(f => f.Name == column)?.Key ?? column;
            if (value is not null || !result.ContainsKey(key))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static DateOnly? Date(string? text, string path, bool required, Context context, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(path, Text.T($"{path} 不能为空（YYYY-MM-DD）。", $"{path} must not be empty (YYYY-MM-DD)."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(path, Text.T($"{path} 的值 '{text}' 不是有效日期（YYYY-MM-DD）。", $"{path} '{text}' is not a valid date (YYYY-MM-DD)."));
        return null;
    }

    private sealed record Context(string DepartmentCode, IReadOnlyDictionary<string, CatalogueEntry> Entries, Func<string, bool> IsKnownException,
        DateOnly Today, CultureInfo Culture);

    private sealed class Errors(CultureInfo culture)
    {
        /// <summary>Made by the first error: most rows have none.</summary>
        private Dictionary<string, List<string>>? _byPath;

        public CultureInfo Culture => culture;

        public bool Any => _byPath is not null;

        public void Add(string path, string message)
        {
            _byPath ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (!_byPath.TryGetValue(path, out var list))
            {
                _byPath[path] = list = [];
            }

            list.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            _byPath?.ToDictionary(e => e.Key, e => e.Value.ToArray()) ?? new Dictionary<string, string[]>();
    }
}
