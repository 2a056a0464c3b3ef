using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Api;

public sealed class HostingTests
{
    [Test]
    public async Task ConfigurationFiles_AreReadOnceAtStart_NotWatched()
    {
        // A watched configuration file means a watcher over the whole content root, where the SQLite database lives.
        await using var api = await ApiFactory.StartAsync();
        var configuration = (IConfigurationRoot)api.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(f => f.Path), Does.Contain("appsettings.json").And.Contain("appsettings.Development.json"));
            Assert.That(files.Where(f => f.ReloadOnChange).Select(f => f.Path), Is.Empty);
        });
    }
}
