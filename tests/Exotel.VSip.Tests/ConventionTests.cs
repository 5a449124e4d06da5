using System.Reflection;

namespace Exotel.VSip.Tests;

/// <summary>The public surface follows the SDK's rules, checked by reflection so that new members cannot drift.</summary>
public class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(ExotelClient).Assembly.GetExportedTypes();

    private static IEnumerable<Type> ClientTypes => PublicTypes.Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal));

    [Test]
    public void There_is_a_client_per_resource() =>
        Assert.That(ClientTypes.Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "ExotelClient", "TrunksClient", "DestinationUrisClient", "PhoneNumberMappingsClient", "WhitelistedIpsClient",
            "TrunkCredentialsClient", "TrunkSettingsClient", "ExotelCallsClient",
        }));

    [Test]
    public void Every_client_operation_is_virtual_async_and_takes_a_trailing_cancellation_token()
    {
        var operations = ClientTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .ToList();

        Assert.That(operations, Is.Not.Empty);
        foreach (var method in operations)
        {
            var last = method.GetParameters().LastOrDefault();
            Assert.Multiple(() =>
            {
                Assert.That(method.IsVirtual && !method.IsFinal, Is.True, $"{method.DeclaringType!.Name}.{method.Name} is virtual");
                Assert.That(method.Name, Does.EndWith("Async"), $"{method.DeclaringType!.Name}.{method.Name}");
                Assert.That(last?.ParameterType, Is.EqualTo(typeof(CancellationToken)), $"{method.DeclaringType!.Name}.{method.Name} ends with a CancellationToken");
                Assert.That(last?.HasDefaultValue, Is.True, $"{method.DeclaringType!.Name}.{method.Name} token is optional");
                Assert.That(
                    method.ReturnType.IsGenericType && (method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) || method.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
                    || method.ReturnType == typeof(Task),
                    Is.True, $"{method.DeclaringType!.Name}.{method.Name} is async");
            });
        }
    }

    [Test]
    public void Every_client_can_be_mocked_through_a_protected_parameterless_constructor_and_virtual_properties()
    {
        foreach (var type in ClientTypes)
        {
            var constructor = type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
            Assert.That(constructor?.IsFamily, Is.True, $"{type.Name} has a protected parameterless constructor");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                Assert.That(property.GetMethod!.IsVirtual, Is.True, $"{type.Name}.{property.Name} is virtual");
            }
        }
    }

    [Test]
    public void Public_types_live_in_the_package_namespace() =>
        Assert.That(PublicTypes.Where(t => t.Namespace != "Exotel.VSip").Select(t => t.FullName), Is.Empty);

    [Test]
    public void There_is_no_public_static_mutable_state()
    {
        var mutable = PublicTypes.SelectMany(t =>
            t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => !f.IsLiteral && !f.IsInitOnly).Select(f => $"{t.Name}.{f.Name}")
             .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{t.Name}.{p.Name}")));

        Assert.That(mutable, Is.Empty);
    }

    [Test]
    public void There_is_one_exception_type()
    {
        Assert.That(PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)), Is.EqualTo(new[] { typeof(ExotelException) }));
    }
}
