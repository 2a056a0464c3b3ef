namespace CreditKaizhou.Api.Features.Records;

/// <summary>Caps on one batch (<c>Records</c> configuration section).</summary>
public sealed class RecordOptions
{
    public const string Section = "Records";

    public int MaxBatchRows { get; set; } = 10_000;

    public long MaxBatchBytes { get; set; } = 32 * 1024 * 1024;
}
