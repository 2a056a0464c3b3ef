using System.Globalization;

namespace CreditKaizhou.Tests.Infrastructure;

[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class EngineSmokeTests(Engine engine)
{
    private string _connectionString = "";

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _connectionString = await TestEngines.CreateDatabaseAsync(engine);

    [Test]
    public async Task SelectOne_OnFreshDatabase_ReturnsOne()
    {
        await using var dataSource = TestEngines.CreateDataSource(engine, _connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";

        var result = await command.ExecuteScalarAsync();

        Assert.That(Convert.ToInt32(result, CultureInfo.InvariantCulture), Is.EqualTo(1));
    }

    [Test]
    public void ProviderName_ForEngine_IsConfigurationValue()
    {
        Assert.That(engine.ProviderName(), Is.EqualTo(engine.ToString()));
    }
}
