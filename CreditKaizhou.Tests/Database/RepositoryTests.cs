using System.Data.Common;
using CreditKaizhou.Api.Features.Clients;
using CreditKaizhou.Api.Features.Departments;
using CreditKaizhou.Api.Features.Identifiers;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Clients;
using CreditKaizhou.Domain.Departments;
using CreditKaizhou.Domain.Identifiers;
using CreditKaizhou.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Database;

/// <summary>The same repository tests on every engine; each test gets a freshly migrated database.</summary>
[TestFixture(Engine.Sqlite, Category = "Sqlite")]
[TestFixture(Engine.Postgres, Category = "Postgres")]
[TestFixture(Engine.SqlServer, Category = "SqlServer")]
public sealed class RepositoryTests(Engine engine)
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 5, 30, 0, TimeSpan.Zero);
    private DbDataSource? _db;
    private SqlDialect _dialect = null!;

    [SetUp]
    public async Task MigrateAsync()
    {
        var settings = new ConnectionSettings(Enum.Parse<DatabaseProvider>(engine.ProviderName()), await TestEngines.CreateDatabaseAsync(engine));
        await new DatabaseMigrator(settings, Options.Create(new DatabaseOptions()), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        _db = DatabaseExtensions.CreateDataSource(settings);
        _dialect = SqlDialect.For(settings.Provider);
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Test]
    public async Task Departments_AddListGet_RoundTripAndPage()
    {
        var repository = new DepartmentRepository(_db!, _dialect);
        Assert.That(await repository.AddAsync(new Department("SCJGJ", "重庆市开州区市场监督管理局", "区市场监督管理局", "11500154MB1A2B3C4D", 2), At, default), Is.True);
        Assert.That(await repository.AddAsync(new Department("FY", "重庆市开州区人民法院", "区人民法院", null, 1), At, default), Is.True);
        Assert.That(await repository.AddAsync(new Department("SWJ", "国家税务总局重庆市开州区税务局", "区税务局", null, 3), At, default), Is.True);

        var (page, total) = await repository.ListAsync(skip: 1, take: 1, default);

        Assert.Multiple(async () =>
        {
            Assert.That(total, Is.EqualTo(3));
            Assert.That(page.Select(d => d.Code), Is.EqualTo(new[] { "SCJGJ" }), "ordered by sort order");
            Assert.That(await repository.GetAsync("SCJGJ", default),
                Is.EqualTo(new Department("SCJGJ", "重庆市开州区市场监督管理局", "区市场监督管理局", "11500154MB1A2B3C4D", 2)));
            Assert.That(await repository.GetAsync("NONE", default), Is.Null);
        });
    }

    [Test]
    public async Task Departments_AddExistingCode_ReturnsFalseAndKeepsTheFirst()
    {
        var repository = new DepartmentRepository(_db!, _dialect);
        await repository.AddAsync(new Department("FY", "重庆市开州区人民法院", "区人民法院", null, 1), At, default);

        var added = await repository.AddAsync(new Department("FY", "别的名字", "别名", null, 9), At, default);

        Assert.Multiple(async () =>
        {
            Assert.That(added, Is.False);
            Assert.That((await repository.GetAsync("FY", default))!.Name, Is.EqualTo("重庆市开州区人民法院"));
        });
    }

    [Test]
    public async Task Clients_AddFindRevoke_FollowTheKeyHash()
    {
        await new DepartmentRepository(_db!, _dialect).AddAsync(new Department("SWJ", "区税务局", "区税务局", null, 1), At, default);
        var repository = new ApiClientRepository(_db!, _dialect);
        var client = new ApiClient(Guid.CreateVersion7(), "区税务局征管系统", ClientRole.Department, "SWJ", "x9Zq", At, null);
        var hash = new string('a', 64);

        Assert.That(await repository.AddAsync(client, hash, null, default), Is.True);
        Assert.That(await repository.AddAsync(client with { Id = Guid.CreateVersion7() }, hash, null, default), Is.False, "key hashes are unique");
        Assert.That(await repository.FindActiveByKeyHashAsync(hash, default), Is.EqualTo(client));

        var revokedAt = At.AddHours(1);
        Assert.That(await repository.RevokeAsync(client.Id, revokedAt, null, default), Is.True);
        Assert.That(await repository.RevokeAsync(client.Id, revokedAt, null, default), Is.False, "already revoked");

        Assert.Multiple(async () =>
        {
            Assert.That(await repository.FindActiveByKeyHashAsync(hash, default), Is.Null);
            Assert.That(await repository.GetAsync(client.Id, default), Is.EqualTo(client with { RevokedAt = revokedAt }));
            Assert.That((await repository.ListAsync(0, 10, includeRevoked: false, default)).Total, Is.Zero);
            Assert.That((await repository.ListAsync(0, 10, includeRevoked: true, default)).Total, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task CodeExceptions_AddRemoveAndAddAgain()
    {
        var repository = new CodeExceptionRepository(_db!);
        var exception = new CodeException("91350100M0001TGQXM", "福州市早期试点代码，经市场监管部门核实", At);

        Assert.That(await repository.AddAsync(exception, null, default), Is.True);
        Assert.That(await repository.AddAsync(exception, null, default), Is.False);
        Assert.That(await repository.ListAsync(default), Is.EqualTo(new[] { exception }));
        Assert.That(await repository.RemoveAsync(exception.Code, At.AddDays(1), null, default), Is.True);
        Assert.That(await repository.ListAsync(default), Is.Empty);
        Assert.That(await repository.RemoveAsync(exception.Code, At.AddDays(1), null, default), Is.False);

        var again = exception with { Reason = "再次核实", CreatedAt = At.AddDays(2) };
        Assert.That(await repository.AddAsync(again, null, default), Is.True);
        Assert.That(await repository.ListAsync(default), Is.EqualTo(new[] { again }));
    }
}
