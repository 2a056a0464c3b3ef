namespace CreditKaizhou.Api.Infrastructure.Time;

/// <summary>
/// Calendar days are Beijing days (UTC+8, no daylight saving): a record decided on 2026-11-26 in
/// Kaizhou is dated 2026-11-26 even at 01:00 local time, when UTC still says the 25th.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
