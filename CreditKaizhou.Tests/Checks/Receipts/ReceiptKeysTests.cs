using CreditKaizhou.Api.Features.Checks.Receipts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Tests.Checks.Receipts;

public sealed class ReceiptKeysTests
{
    private string _contentRoot = "";

    [SetUp]
    public void CreateContentRoot()
    {
        _contentRoot = Directory.CreateTempSubdirectory("receipt-keys-").FullName;
    }

    [TearDown]
    public void DeleteContentRoot()
    {
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Test]
    public void Development_WithoutAKey_GeneratesOneKeepsItAndReusesIt()
    {
        var first = new ReceiptKeys(Options.Create(new ReceiptOptions()), Environment(Environments.Development));
        var path = Path.Combine(_contentRoot, "data", "receipt-key.pem");

        Assert.That(File.Exists(path), Is.True);
        Assert.That(File.ReadAllText(path), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var second = new ReceiptKeys(Options.Create(new ReceiptOptions()), Environment(Environments.Development));

        Assert.That(second.KeyId, Is.EqualTo(first.KeyId));
        Assert.That(second.PublicKeyPem, Is.EqualTo(first.PublicKeyPem));
        Assert.That(Directory.GetFiles(Path.Combine(_contentRoot, "data")), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    [TestCase("Testing")]
    public void OutsideDevelopment_WithoutAKey_RefusesToStartAndSaysHowToMakeOne(string environmentName)
    {
        Assert.That(() => new ReceiptKeys(Options.Create(new ReceiptOptions()), Environment(environmentName)),
            Throws.InvalidOperationException
                .With.Message.Contains("Receipts:PrivateKeyPem is not configured")
                .And.Message.Contains("openssl genpkey -algorithm SM2"));
        Assert.That(Directory.Exists(Path.Combine(_contentRoot, "data")), Is.False, "no key is made up outside Development");
    }

    [Test]
    public void ConfiguredKey_IsUsedInEveryEnvironment()
    {
        var pem = ReceiptKeys.GeneratePrivateKeyPem();
        var expected = ReceiptKeys.FromPrivateKeyPem(pem).KeyId;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new ReceiptKeys(Options.Create(new ReceiptOptions { PrivateKeyPem = pem }), Environment(Environments.Production)).KeyId,
                Is.EqualTo(expected));
            Assert.That(new ReceiptKeys(Options.Create(new ReceiptOptions { PrivateKeyPem = pem }), Environment(Environments.Development)).KeyId,
                Is.EqualTo(expected));
            Assert.That(Directory.Exists(Path.Combine(_contentRoot, "data")), Is.False, "a configured key leaves no Development key");
        }
    }

    [Test]
    public void ConfiguredKey_NotAnSm2Key_RefusesToStartNamingTheSetting()
    {
        Assert.That(() => new ReceiptKeys(Options.Create(new ReceiptOptions { PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }),
                Environment(Environments.Production)),
            Throws.InvalidOperationException.With.Message.StartsWith("Receipts:PrivateKeyPem is not usable"));
    }

    [Test]
    public void AddReceipts_ReadsTheKeyFromConfiguration()
    {
        var pem = ReceiptKeys.GeneratePrivateKeyPem();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Receipts:PrivateKeyPem"] = pem })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(Environment(Environments.Production))
            .AddReceipts()
            .BuildServiceProvider();

        var signed = provider.GetRequiredService<ReceiptSigner>()
            .Sign(new TreeHead(3, Sm3TreeHash.Hash("root"u8), DateTimeOffset.UnixEpoch));

        Assert.That(signed.KeyId, Is.EqualTo(ReceiptKeys.FromPrivateKeyPem(pem).KeyId));
        Assert.That(provider.GetRequiredService<ReceiptVerifier>().Verify(signed), Is.True);
    }

    private IHostEnvironment Environment(string name) => new TestHostEnvironment(name, _contentRoot);

    private sealed class TestHostEnvironment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CreditKaizhou.Api";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
