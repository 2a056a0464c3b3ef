using CreditKaizhou.Tests.Infrastructure;

// In the root namespace, not the folder's: a SetUpFixture only covers tests in its own
// namespace and below, and this one must cover every test in the assembly.
namespace CreditKaizhou.Tests;

[SetUpFixture]
public sealed class TestRunSetup
{
    [OneTimeTearDown]
    public Task StopEnginesAsync() => TestEngines.CleanUpAsync();
}
