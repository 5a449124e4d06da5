using System.Reflection;

namespace Vapi.Client.Tests;

/// <summary>The public surface follows the SDK's rules, checked by reflection so that new members cannot drift.</summary>
public class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(VapiClient).Assembly.GetExportedTypes();

    private static IEnumerable<Type> ClientTypes => PublicTypes.Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal));

    private static List<MethodInfo> Operations() =>
        ClientTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .ToList();

    [Test]
    public void There_is_a_client_per_resource() =>
        Assert.That(ClientTypes.Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "VapiClient", "VapiCredentialsClient", "VapiPhoneNumbersClient", "VapiCallsClient", "VapiAssistantsClient",
        }));

    [Test]
    public void Every_client_operation_is_virtual_async_and_takes_a_trailing_optional_cancellation_token()
    {
        var operations = Operations();

        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(15), "the operations are found");
        foreach (var method in operations)
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
            var last = method.GetParameters().LastOrDefault();
            var returns = method.ReturnType;
            Assert.Multiple(() =>
            {
                Assert.That(method.IsVirtual && !method.IsFinal, Is.True, $"{name} is virtual");
                Assert.That(method.Name, Does.EndWith("Async"), name);
                Assert.That(last?.ParameterType, Is.EqualTo(typeof(CancellationToken)), $"{name} ends with a CancellationToken");
                Assert.That(last?.HasDefaultValue, Is.True, $"{name} token is optional");
                Assert.That(method.GetParameters().Count(p => p.ParameterType == typeof(CancellationToken)), Is.EqualTo(1), $"{name} has one token");
                Assert.That(
                    returns == typeof(Task)
                    || (returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))),
                    Is.True, $"{name} is async");
            });
        }
    }

    [Test]
    public void The_expected_operations_exist()
    {
        var names = Operations().Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToHashSet(StringComparer.Ordinal);

        Assert.That(names, Is.SupersetOf(new[]
        {
            "VapiCredentialsClient.CreateSipTrunkAsync", "VapiCredentialsClient.GetAsync", "VapiCredentialsClient.GetSipTrunkAsync",
            "VapiCredentialsClient.ListAsync", "VapiCredentialsClient.UpdateSipTrunkAsync", "VapiCredentialsClient.DeleteAsync",
            "VapiPhoneNumbersClient.CreateAsync", "VapiPhoneNumbersClient.GetAsync", "VapiPhoneNumbersClient.ListAsync",
            "VapiPhoneNumbersClient.UpdateAsync", "VapiPhoneNumbersClient.DeleteAsync",
            "VapiCallsClient.CreateAsync", "VapiCallsClient.CreateBatchAsync", "VapiCallsClient.GetAsync", "VapiCallsClient.ListAsync", "VapiCallsClient.EndAsync",
            "VapiAssistantsClient.GetAsync", "VapiAssistantsClient.ListAsync",
        }));
    }

    [Test]
    public void Every_client_can_be_mocked_through_a_protected_parameterless_constructor_and_virtual_properties()
    {
        foreach (var type in ClientTypes)
        {
            var constructor = type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
            Assert.Multiple(() =>
            {
                Assert.That(type.IsSealed, Is.False, $"{type.Name} can be subclassed");
                Assert.That(constructor?.IsFamily, Is.True, $"{type.Name} has a protected parameterless constructor");
                Assert.That(type.GetConstructor(Type.EmptyTypes), Is.Null, $"{type.Name} has no public parameterless constructor");
            });
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                Assert.That(property.GetMethod!.IsVirtual && !property.GetMethod.IsFinal, Is.True, $"{type.Name}.{property.Name} is virtual");
            }
        }
    }

    [Test]
    public void The_root_client_exposes_every_resource_client_as_a_virtual_property()
    {
        var properties = typeof(VapiClient).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType);

        Assert.That(properties, Is.SupersetOf(ClientTypes.Where(t => t != typeof(VapiClient))));
    }

    [Test]
    public void Public_types_live_in_the_package_namespace()
    {
        Assert.That(PublicTypes, Is.Not.Empty);
        Assert.That(PublicTypes.Where(t => t.Namespace != "Vapi.Client").Select(t => t.FullName), Is.Empty);
    }

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
        Assert.That(PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)), Is.EqualTo(new[] { typeof(VapiException) }));
    }

    // A model read from Vapi's JSON (not a query filter, whose Id is an optional input).
    private static bool IsJsonModelId(PropertyInfo id) =>
        id.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name == "id";

    [Test]
    public void Query_filters_are_not_models()
    {
        Assert.That(IsJsonModelId(typeof(VapiCallListFilter).GetProperty("Id")!), Is.False);
        Assert.That(IsJsonModelId(typeof(VapiCall).GetProperty("Id")!), Is.True);
    }

    [Test]
    public void Every_model_with_an_Id_returns_an_empty_string_not_null_when_constructed_empty()
    {
        var models = PublicTypes
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Id: t.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)))
            .Where(m => m.Id is not null && m.Id.PropertyType == typeof(string) && IsJsonModelId(m.Id))
            .ToList();

        Assert.That(models.Select(m => m.Type), Is.SupersetOf(new[]
        {
            typeof(VapiCredential), typeof(ByoSipTrunkCredential), typeof(VapiPhoneNumber), typeof(ByoPhoneNumber), typeof(VapiSipPhoneNumber),
            typeof(VapiCall), typeof(VapiAssistant),
        }));
        foreach (var (type, id) in models)
        {
            var value = id!.GetValue(Activator.CreateInstance(type));
            Assert.That(value, Is.EqualTo(string.Empty), $"new {type.Name}().Id");
        }
    }

    [Test]
    public void Models_with_an_Id_expose_it_as_non_nullable_text()
    {
        var context = new NullabilityInfoContext();
        var nullable = PublicTypes
            .Select(t => t.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is not null && p.PropertyType == typeof(string) && IsJsonModelId(p))
            .Where(p => context.Create(p!).ReadState != NullabilityState.NotNull)
            .Select(p => $"{p!.DeclaringType!.Name}.Id");

        Assert.That(nullable, Is.Empty);
    }

    [Test]
    public void Collections_of_empty_models_are_empty_not_null()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ByoSipTrunkCredential().Gateways, Is.Not.Null.And.Empty);
            Assert.That(new VapiCallBatch().Results, Is.Not.Null.And.Empty);
            Assert.That(new VapiCallBatch().Errors, Is.Not.Null.And.Empty);
            Assert.That(new SipTrunkGateway().Ip, Is.EqualTo(string.Empty));
        });
    }
}
