using System.Reflection;
using Exotel.VSip.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// The transport's safety rules as a user meets them: plain http leaves the machine nowhere (refused when the options
/// are validated, naming the setting), https is accepted, and no option can switch TLS certificate validation off.
/// </summary>
public class TransportSecurityTests
{
    private static ExotelClientOptions Options(string baseAddress) => new()
    {
        AccountSid = TestAccount.AccountSid,
        ApiKey = TestAccount.ApiKey,
        ApiToken = TestAccount.ApiToken,
        BaseAddress = new Uri(baseAddress),
    };

    private static void Copy(ExotelClientOptions from, ExotelClientOptions to)
    {
        to.AccountSid = from.AccountSid;
        to.ApiKey = from.ApiKey;
        to.ApiToken = from.ApiToken;
        to.BaseAddress = from.BaseAddress;
    }

    [TestCase("http://api.in.exotel.com/")]
    [TestCase("http://10.0.0.5:8080/exotel/")]
    public void Plain_http_to_a_non_loopback_address_is_refused_at_validation_naming_the_setting(string address)
    {
        var standalone = Assert.Throws<ArgumentException>(() => _ = new ExotelClient(Options(address)))!;
        var services = new ServiceCollection();
        services.AddExotelVSip(o => Copy(Options(address), o));
        using var provider = services.BuildServiceProvider();
        var registered = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExotelClient>())!;

        Assert.Multiple(() =>
        {
            foreach (var message in new[] { standalone.Message, registered.Message })
            {
                Assert.That(message, Does.Contain("ExotelClientOptions.BaseAddress uses plain http, which is accepted only for a loopback address"));
                Assert.That(message, Does.Not.Contain(TestAccount.ApiKey).And.Not.Contain(TestAccount.ApiToken));
            }
        });
    }

    [TestCase("https://api.in.exotel.com/")]
    [TestCase("https://exotel-proxy.example.com:8443/exotel/")]
    public void Https_base_addresses_are_accepted(string address)
    {
        var services = new ServiceCollection();
        services.AddExotelVSip(o => Copy(Options(address), o));
        using var provider = services.BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(() => new ExotelClient(Options(address)), Throws.Nothing);
            Assert.That(provider.GetRequiredService<ExotelClient>().AccountSid, Is.EqualTo(TestAccount.AccountSid));
        });
    }

    [Test]
    public void No_option_can_switch_off_tls_certificate_validation()
    {
        var optionTypes = new HashSet<Type>();
        var pending = new Queue<Type>(typeof(ExotelClient).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)));
        while (pending.TryDequeue(out var type))
        {
            if (!optionTypes.Add(type))
            {
                continue;
            }

            // Follow nested option objects (Resilience, Retry, CircuitBreaker, RateLimit…) declared in the package.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType.Assembly == type.Assembly && property.PropertyType.IsClass)
                {
                    pending.Enqueue(property.PropertyType);
                }
            }
        }

        var switches = optionTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(bool) || p.PropertyType == typeof(bool?)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(optionTypes.Select(t => t.Name), Is.SupersetOf(new[]
            {
                "ExotelClientOptions", "ExotelResilienceOptions", "ExotelRetryOptions", "ExotelCircuitBreakerOptions", "ExotelRateLimitOptions",
            }));
            Assert.That(switches, Does.Contain("ExotelResilienceOptions.Enabled"), "the walk reaches the boolean switches");
            Assert.That(
                switches.Where(s => new[] { "Certificate", "Tls", "Ssl", "Validation" }.Any(w => s.Split('.')[1].Contains(w, StringComparison.OrdinalIgnoreCase))),
                Is.Empty);
        });
    }
}
