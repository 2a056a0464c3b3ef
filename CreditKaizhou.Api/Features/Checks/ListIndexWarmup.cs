namespace CreditKaizhou.Api.Features.Checks;

/// <summary>
/// Loads the list index when the service starts, so the first check or list page after a start does not wait for the
/// whole load (seconds on a district database of 5,000,000 records); until it is done, a request that needs the
/// index waits for the same load rather than starting another.
/// </summary>
public sealed class ListIndexWarmup(ListIndex index, ILogger<ListIndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.CurrentAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not fatal: the first request that needs the index loads it.
            logger.LogWarning(e, "The list index could not be loaded at start");
        }
    }
}
