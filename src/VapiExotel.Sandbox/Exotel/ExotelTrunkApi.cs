using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VapiExotel.Sandbox.Hosting;
using VapiExotel.Shared;

namespace VapiExotel.Sandbox.Exotel;

// The vSIP trunk API (v2): trunks, phone-number mappings, whitelisted IPs, credentials, destination URIs, settings.
internal sealed partial class ExotelEmulator
{
    private const string Account = "/v2/accounts/{account_sid}";
    private const string Trunk = Account + "/trunks/{trunk_sid}";

    [GeneratedRegex(@"^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrunkNameCharacters();

    [GeneratedRegex(@"^(?<host>[^:;\s]+):(?<port>[0-9]{1,5})(;transport=(?<transport>[A-Za-z]+))?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DestinationPattern();

    private void MapTrunkApi()
    {
        _v2.Map("POST", Account + "/trunks", CreateTrunk);
        _v2.Map("GET", Account + "/trunks", ListTrunks);
        _v2.Map("PUT", Trunk, UpdateTrunk);
        _v2.Map("DELETE", Account + "/trunks", DeleteTrunk);

        _v2.Map("POST", Trunk + "/phone-numbers", MapPhoneNumber);
        _v2.Map("GET", Trunk + "/phone-numbers", (r, v) => Page(r, FindTrunk(v).Mappings.ConvertAll(m => m.ToJson())));
        _v2.Map("PUT", Trunk + "/phone-numbers/{id}", UpdateMapping);
        _v2.Map("DELETE", Trunk + "/phone-numbers", (r, v) => Delete(r, FindTrunk(v).Mappings, QueryId(r), m => m.ToJson()));
        _v2.Map("DELETE", Trunk + "/phone-numbers/{id}", (r, v) => Delete(r, FindTrunk(v).Mappings, v["id"], m => m.ToJson()));
        _v2.Map("GET", Account + "/trunk-maps", LookupTrunkMaps);

        _v2.Map("POST", Trunk + "/whitelisted-ips", AddWhitelistedIp);
        _v2.Map("GET", Trunk + "/whitelisted-ips", (r, v) => Page(r, FindTrunk(v).WhitelistedIps.ConvertAll(i => i.ToJson())));
        _v2.Map("PUT", Trunk + "/whitelisted-ips/{id}", UpdateWhitelistedIp);
        _v2.Map("DELETE", Trunk + "/whitelisted-ips", (r, v) => Delete(r, FindTrunk(v).WhitelistedIps, QueryId(r), i => i.ToJson()));
        _v2.Map("DELETE", Trunk + "/whitelisted-ips/{id}", (r, v) => Delete(r, FindTrunk(v).WhitelistedIps, v["id"], i => i.ToJson()));

        _v2.Map("POST", Trunk + "/credentials", CreateCredential);
        _v2.Map("GET", Trunk + "/credentials", ListCredentials);
        _v2.Map("PUT", Trunk + "/credentials/{id}", UpdateCredential);
        _v2.Map("DELETE", Trunk + "/credentials", (r, v) => Delete(r, FindTrunk(v).Credentials, QueryId(r), c => c.ToJson()));

        _v2.Map("POST", Trunk + "/destination-uris", AddDestinations);
        _v2.Map("GET", Trunk + "/destination-uris", (r, v) => Page(r, FindTrunk(v).Destinations.ConvertAll(d => d.ToJson())));
        _v2.Map("PUT", Trunk + "/destination-uris/{id}", UpdateDestination);
        _v2.Map("DELETE", Trunk + "/destination-uris", (r, v) => Delete(r, FindTrunk(v).Destinations, QueryId(r), d => d.ToJson()));
        _v2.Map("DELETE", Trunk + "/destination-uris/{id}", (r, v) => Delete(r, FindTrunk(v).Destinations, v["id"], d => d.ToJson()));

        _v2.Map("POST", Trunk + "/settings", SetSettings);
        _v2.Map("GET", Trunk + "/settings", (r, v) => Page(r, FindTrunk(v).Settings.ConvertAll(s => s.ToJson())));
        _v2.Map("DELETE", Trunk + "/settings", (r, v) => Delete(r, FindTrunk(v).Settings, r.QueryValue("name") ?? throw ExotelError.Mandatory("Name"), s => s.ToJson()));
    }

    private TrunkRecord FindTrunk(RouteValues values) => FindTrunk(values["trunk_sid"]);

    private TrunkRecord FindTrunk(string sid) =>
        Trunks.Find(t => string.Equals(t.Id, sid, StringComparison.Ordinal)) ?? throw ExotelError.NotFound();

    private static string QueryId(SandboxHttpRequest request) => request.QueryValue("id") is { Length: > 0 } id ? id : throw ExotelError.Mandatory("Id");

    private static SandboxResponse Delete<T>(SandboxHttpRequest request, List<T> records, string id, Func<T, JsonObject> toJson)
        where T : ExotelRecord
    {
        var record = records.Find(r => string.Equals(r.Id, id, StringComparison.Ordinal)) ?? throw ExotelError.NotFound();
        records.Remove(record);
        return Single(request, toJson(record));
    }

    // ---- trunks ------------------------------------------------------------------------------------------------

    private SandboxResponse CreateTrunk(SandboxHttpRequest request, RouteValues values)
    {
        var body = Body(request);
        var name = TrunkName(Text(body, "trunk_name", "CreateTrunkRequest"));
        var nso = NsoCode(Text(body, "nso_code", "CreateTrunkRequest") ?? throw ExotelError.Mandatory("NsoCode"));
        var domain = Text(body, "domain_name", "CreateTrunkRequest");
        if (string.IsNullOrEmpty(domain))
        {
            throw ExotelError.Mandatory("DomainName");
        }

        if (!domain.EndsWith(".pstn.exotel.com", StringComparison.OrdinalIgnoreCase))
        {
            throw ExotelError.Invalid("Domain name should end with .pstn.exotel.com");
        }

        RequireUniqueName(name, null);
        var trunk = new TrunkRecord
        {
            Id = "trmum1" + Guid.NewGuid().ToString("N")[..19] + "a1n",
            Name = name,
            NsoCode = nso,
            DomainName = domain,
            Created = request.Now,
            Updated = request.Now,
        };
        Trunks.Add(trunk);
        return Single(request, trunk.ToJson(AccountSid));
    }

    private SandboxResponse ListTrunks(SandboxHttpRequest request, RouteValues values)
    {
        var sid = request.QueryValue("trunk_sid");
        var trunks = Trunks.Where(t => string.IsNullOrEmpty(sid) || string.Equals(t.Id, sid, StringComparison.Ordinal));
        return Page(request, [.. trunks.Select(t => t.ToJson(AccountSid))]);
    }

    private SandboxResponse UpdateTrunk(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var body = Body(request);
        var name = Text(body, "trunk_name", "UpdateTrunkRequest");
        var authType = Text(body, "auth_type", "UpdateTrunkRequest");
        var nso = Text(body, "nso_code", "UpdateTrunkRequest");
        if (name is not null)
        {
            name = TrunkName(name);
            RequireUniqueName(name, trunk);
        }

        if (authType is not null && (authType.Length == 0 || !authType.All(c => char.IsAsciiLetterUpper(c) || c == '-')))
        {
            throw ExotelError.Invalid("Invalid AuthType");
        }

        nso = nso is null ? null : NsoCode(nso);
        trunk.Name = name ?? trunk.Name;
        trunk.AuthType = authType ?? trunk.AuthType;
        trunk.NsoCode = nso ?? trunk.NsoCode;
        trunk.Updated = request.Now;
        return Single(request, trunk.ToJson(AccountSid));
    }

    private SandboxResponse DeleteTrunk(SandboxHttpRequest request, RouteValues values)
    {
        // Cascades: the trunk's mappings, IPs, destinations, credentials and settings go with it.
        var trunk = FindTrunk(request.QueryValue("trunk_sid") is { Length: > 0 } sid ? sid : throw ExotelError.Mandatory("TrunkSid"));
        Trunks.Remove(trunk);
        return Single(request, trunk.ToJson(AccountSid));
    }

    private static string TrunkName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw ExotelError.Mandatory("TrunkName");
        }

        if (name.Length > 16)
        {
            throw ExotelError.Invalid("Maximum allowed length for TrunkName is 16");
        }

        return TrunkNameCharacters().IsMatch(name) ? name : throw ExotelError.Invalid("Allowed characters for TrunkName is alphanumeric and _");
    }

    private static string NsoCode(string nso) => nso == "ANY-ANY" ? nso : throw ExotelError.Invalid("Nso code is invalid");

    private void RequireUniqueName(string name, TrunkRecord? self)
    {
        if (Trunks.Exists(t => t != self && string.Equals(t.Name, name, StringComparison.Ordinal)))
        {
            throw ExotelError.Duplicate($"Trunk with name '{name}' already exists", inside200: false);
        }
    }

    // ---- phone-number mappings ---------------------------------------------------------------------------------

    private SandboxResponse MapPhoneNumber(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var body = Body(request);
        var number = PhoneNumber(Text(body, "phone_number", "CreateDidTrunkMappingRequest"));
        var mode = Mode(Text(body, "mode", "CreateDidTrunkMappingRequest"), required: false);
        if (trunk.Mappings.Exists(m => m.PhoneNumber == number))
        {
            throw ExotelError.Duplicate($"Unable to create DidTrunkMapping with TrunkSid {trunk.Id}", inside200: true);
        }

        // Exotel lets a number be mapped to a second trunk (which breaks its routing); so does the sandbox.
        var mapping = new MappingRecord { Id = NextId(), TrunkSid = trunk.Id, PhoneNumber = number, Mode = mode, Created = request.Now, Updated = request.Now };
        trunk.Mappings.Add(mapping);
        return Single(request, mapping.ToJson());
    }

    private SandboxResponse UpdateMapping(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var mapping = trunk.Mappings.Find(m => m.Id == values["id"]) ?? throw ExotelError.NotFound();
        var body = Body(request);
        var number = PhoneNumber(Text(body, "phone_number", "UpdateDidTrunkMappingRequest"));
        var mode = Mode(Text(body, "mode", "UpdateDidTrunkMappingRequest"), required: true);
        if (number != mapping.PhoneNumber)
        {
            throw ExotelError.Invalid("Invalid PhoneNumber");
        }

        mapping.Mode = mode;
        mapping.Updated = request.Now;
        return Single(request, mapping.ToJson());
    }

    private SandboxResponse LookupTrunkMaps(SandboxHttpRequest request, RouteValues values)
    {
        var number = request.QueryValue("exophone");
        if (string.IsNullOrEmpty(number))
        {
            throw ExotelError.Mandatory("Exophone");
        }

        var sid = request.QueryValue("trunk_sid");
        var maps = Trunks
            .Where(t => string.IsNullOrEmpty(sid) || t.Id == sid)
            .SelectMany(t => t.Mappings)
            .Where(m => m.PhoneNumber == number)
            .Select(m => new JsonObject { ["exophone"] = m.PhoneNumber, ["trunk_sid"] = m.TrunkSid, ["phone_number_id"] = m.Id, ["mode"] = m.Mode ?? "pstn" })
            .ToList();

        // Exotel documents one bare object; several mappings (a broken setup Exotel allows) come as a list envelope.
        return maps.Count switch
        {
            0 => throw ExotelError.NotFound(),
            1 => SandboxResponse.Json(200, maps[0]),
            _ => Page(request, maps),
        };
    }

    private static string PhoneNumber(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            throw ExotelError.Mandatory("PhoneNumber");
        }

        // Over-long numbers come back as "Not Found", not as invalid: one of Exotel's documented quirks.
        if (number.StartsWith('+') && number.Length > 16 && number[1..].All(char.IsAsciiDigit))
        {
            throw ExotelError.NotFound();
        }

        return AddressRules.IsE164(number) ? number : throw ExotelError.Invalid("Invalid PhoneNumber");
    }

    private static string? Mode(string? mode, bool required) => mode switch
    {
        null when required => throw ExotelError.Mandatory("Mode"),
        null => null,
        "pstn" or "flow" => mode,
        _ => throw ExotelError.Invalid("Invalid Mode, allowed values are pstn and flow"),
    };

    // ---- whitelisted IPs ---------------------------------------------------------------------------------------

    private SandboxResponse AddWhitelistedIp(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var (ip, mask) = IpAndMask(Body(request), "CreateWhitelistipsRequest", maskRequired: false);
        if (trunk.WhitelistedIps.Exists(i => i.Ip == ip))
        {
            throw ExotelError.Duplicate($"Unable to Whitelist-ip with ip {ip}", inside200: true);
        }

        var record = new WhitelistedIpRecord { Id = NextId(), TrunkSid = trunk.Id, Ip = ip, Mask = mask, Created = request.Now, Updated = request.Now };
        trunk.WhitelistedIps.Add(record);
        return Single(request, record.ToJson());
    }

    private SandboxResponse UpdateWhitelistedIp(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var record = trunk.WhitelistedIps.Find(i => i.Id == values["id"]) ?? throw ExotelError.NotFound();
        var (ip, mask) = IpAndMask(Body(request), "UpdateWhitelistipsRequest", maskRequired: true);
        if (trunk.WhitelistedIps.Exists(i => i != record && i.Ip == ip))
        {
            throw ExotelError.Duplicate($"Unable to Whitelist-ip with ip {ip}", inside200: true);
        }

        record.Ip = ip;
        record.Mask = mask;
        record.Updated = request.Now;
        return Single(request, record.ToJson());
    }

    private static (string Ip, int Mask) IpAndMask(JsonObject body, string goStruct, bool maskRequired)
    {
        var ip = Text(body, "ip", goStruct);
        var mask = Number(body, "mask", goStruct, "uint8", 0, 255);
        if (string.IsNullOrEmpty(ip))
        {
            throw ExotelError.Mandatory("Ip");
        }

        if (!IsPublicIPv4(ip))
        {
            throw ExotelError.Invalid("Invalid ip");
        }

        if (mask is null && maskRequired)
        {
            throw ExotelError.Mandatory("Mask");
        }

        return mask is null or (>= 16 and <= 32) ? (ip, mask ?? 32) : throw ExotelError.Invalid("mask should be in-between 16 and 32");
    }

    /// <summary>A public, routable IPv4 literal: not private, loopback, link-local, shared, multicast, reserved or a documentation range.</summary>
    internal static bool IsPublicIPv4(string text)
    {
        if (!AddressRules.IsIPv4(text))
        {
            return false;
        }

        var b = IPAddress.Parse(text).GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224
                 || (b[0] == 100 && b[1] is >= 64 and <= 127)
                 || (b[0] == 169 && b[1] == 254)
                 || (b[0] == 172 && b[1] is >= 16 and <= 31)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                 || (b[0] == 198 && b[1] is 18 or 19)
                 || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                 || (b[0] == 203 && b[1] == 0 && b[2] == 113));
    }

    // ---- credentials -------------------------------------------------------------------------------------------

    private SandboxResponse CreateCredential(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var body = Body(request);
        var user = Text(body, "user_name", "CreateCredentialRequest");
        var password = Text(body, "password", "CreateCredentialRequest");
        var friendly = FriendlyName(Text(body, "friendly_name", "CreateCredentialRequest"));
        if (string.IsNullOrEmpty(user))
        {
            throw ExotelError.Mandatory("UserName");
        }

        if (string.IsNullOrEmpty(password))
        {
            throw ExotelError.Mandatory("Password");
        }

        if (trunk.Credentials.Exists(c => c.UserName == user))
        {
            throw ExotelError.Duplicate($"Unable to create credential with user_name {user}", inside200: false);
        }

        var record = new CredentialRecord
        {
            Id = NextId(), TrunkSid = trunk.Id, UserName = user, Password = password, FriendlyName = friendly, Created = request.Now, Updated = request.Now,
        };
        trunk.Credentials.Add(record);
        return Single(request, record.ToJson());
    }

    private SandboxResponse ListCredentials(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var id = request.QueryValue("id");
        var all = trunk.Credentials.Where(c => string.IsNullOrEmpty(id) || c.Id == id).Select(c => c.ToJson()).ToList();
        var pageSize = QueryInt(request, "page_size", 50, 1, 1000);
        var offset = QueryInt(request, "offset", 0, 0, int.MaxValue);
        return Page(request, all, metadata =>
        {
            metadata["total"] = all.Count;
            metadata["page"] = (offset / pageSize) + 1;
        });
    }

    private SandboxResponse UpdateCredential(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var record = trunk.Credentials.Find(c => c.Id == values["id"]) ?? throw ExotelError.NotFound();
        var body = Body(request);
        var user = Text(body, "user_name", "UpdateCredentialRequest");
        var password = Text(body, "password", "UpdateCredentialRequest");
        var friendly = FriendlyName(Text(body, "friendly_name", "UpdateCredentialRequest"));
        if (user is { Length: 0 })
        {
            throw ExotelError.Invalid("Invalid UserName");
        }

        if (user is not null && trunk.Credentials.Exists(c => c != record && c.UserName == user))
        {
            throw ExotelError.Duplicate($"Unable to create credential with user_name {user}", inside200: false);
        }

        record.UserName = user ?? record.UserName;
        record.Password = string.IsNullOrEmpty(password) ? record.Password : password;
        record.FriendlyName = friendly ?? record.FriendlyName;
        record.Updated = request.Now;
        return Single(request, record.ToJson());
    }

    private static string? FriendlyName(string? name) =>
        name is { Length: > 32 } ? throw ExotelError.Invalid("Maximum allowed length for FriendlyName is 32") : name;

    // ---- destination URIs --------------------------------------------------------------------------------------

    private SandboxResponse AddDestinations(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var body = Body(request);
        if (body["destinations"] is not JsonArray list)
        {
            throw body["destinations"] is null
                ? ExotelError.Mandatory("Destinations")
                : ExotelError.Unparsable($"json: cannot unmarshal {GoKind(body["destinations"]!)} into Go struct field CreateDestinationUriRequest.destinations of type []DestinationUri");
        }

        if (list.Count == 0)
        {
            throw ExotelError.Mandatory("Destinations");
        }

        // The whole body is parsed before anything is applied, as Exotel's service does: a malformed item fails the
        // request (1007) with nothing added.
        var destinations = list.Select(node => node is JsonObject item
                ? Text(item, "destination", "DestinationUri")
                : throw ExotelError.Unparsable("json: cannot unmarshal non-object into Go struct field CreateDestinationUriRequest.destinations of type DestinationUri"))
            .ToList();
        var items = new List<JsonObject>(list.Count);
        foreach (var destination in destinations)
        {
            try
            {
                var record = AddDestination(trunk, destination, request.Now);
                items.Add(SuccessItem(record.ToJson()));
            }
            catch (ExotelError e)
            {
                items.Add(FailureItem(e));
            }
        }

        return Batch(request, items, reportFailed: true);
    }

    private DestinationRecord AddDestination(TrunkRecord trunk, string? destination, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(destination))
        {
            throw ExotelError.Mandatory("Destination");
        }

        var match = DestinationPattern().Match(destination);
        var port = match.Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Success || port is < 1 or > 65535)
        {
            throw ExotelError.Invalid("Destination is not a valid Ip or Fqdn");
        }

        if (match.Groups["transport"] is { Success: true } transport && transport.Value is not ("tls" or "tcp"))
        {
            throw ExotelError.Invalid("Invalid transport, allowed values are tls and tcp");
        }

        var host = match.Groups["host"].Value;
        if (AddressRules.IsIPv4(host))
        {
            if (!IsPublicIPv4(host))
            {
                throw ExotelError.Invalid("Destination is not a valid Ip or Fqdn");
            }

            if (!trunk.WhitelistedIps.Exists(i => InRange(host, i.Ip, i.Mask)))
            {
                throw ExotelError.Invalid("Destination not whitelisted");
            }
        }
        else if (!IsResolvableName(host))
        {
            throw ExotelError.Invalid("Destination is not a valid Ip or Fqdn");
        }

        if (trunk.Destinations.Exists(d => string.Equals(d.Destination, destination, StringComparison.OrdinalIgnoreCase)))
        {
            throw ExotelError.Duplicate($"Destination {destination} already exists on trunk {trunk.Id}", inside200: true);
        }

        var record = new DestinationRecord { Id = NextId(), TrunkSid = trunk.Id, Destination = destination, Created = now, Updated = now };
        trunk.Destinations.Add(record);
        return record;
    }

    /// <summary>
    /// Exotel checks that a destination resolves; the sandbox has no DNS, so any well-formed name resolves except
    /// the reserved ones that never do (<c>.invalid</c>, <c>.test</c>, <c>.example</c>, <c>.localhost</c>, <c>.local</c>).
    /// </summary>
    private static bool IsResolvableName(string host) =>
        AddressRules.IsHostName(host) && host.Contains('.', StringComparison.Ordinal)
        && !ReservedSuffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ReservedSuffixes = [".invalid", ".test", ".example", ".localhost", ".local"];

    private static bool InRange(string ip, string network, int mask)
    {
        var a = IPv4(ip);
        var n = IPv4(network);
        var bits = mask == 0 ? 0u : uint.MaxValue << (32 - mask);
        return (a & bits) == (n & bits);
    }

    private static uint IPv4(string text)
    {
        var b = IPAddress.Parse(text).GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private SandboxResponse UpdateDestination(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var record = trunk.Destinations.Find(d => d.Id == values["id"]) ?? throw ExotelError.NotFound();
        var body = Body(request);
        var priority = Number(body, "priority", "UpdateDestinationUriRequest", "int", int.MinValue, int.MaxValue);
        var weight = Number(body, "weight", "UpdateDestinationUriRequest", "int", int.MinValue, int.MaxValue);
        if (priority is < 0)
        {
            throw ExotelError.Invalid("Invalid priority");
        }

        if (weight is < 0)
        {
            throw ExotelError.Invalid("Invalid weight");
        }

        record.Priority = priority ?? record.Priority;
        record.Weight = weight ?? record.Weight;
        record.Updated = request.Now;
        return Single(request, record.ToJson());
    }

    // ---- settings ----------------------------------------------------------------------------------------------

    private SandboxResponse SetSettings(SandboxHttpRequest request, RouteValues values)
    {
        var trunk = FindTrunk(values);
        var body = Body(request);
        if (body["settings"] is not JsonArray list || list.Count == 0)
        {
            throw ExotelError.Mandatory("Settings");
        }

        var items = new List<JsonObject>(list.Count);
        foreach (var node in list)
        {
            try
            {
                var item = node as JsonObject ?? throw ExotelError.Invalid("Invalid setting");
                var name = Text(item, "name", "Setting");
                var value = Text(item, "value", "Setting");
                if (string.IsNullOrEmpty(name))
                {
                    throw ExotelError.Mandatory("Name");
                }

                if (name != "trunk_external_alias")
                {
                    throw ExotelError.Invalid($"Invalid setting name {name}");
                }

                if (string.IsNullOrEmpty(value) || !AddressRules.IsE164(value))
                {
                    throw ExotelError.Invalid("Invalid value for trunk_external_alias");
                }

                var record = trunk.Settings.Find(s => s.Id == name);
                if (record is null)
                {
                    record = new SettingRecord { Id = name, TrunkSid = trunk.Id, Value = value, Created = request.Now, Updated = request.Now };
                    trunk.Settings.Add(record);
                }
                else
                {
                    record.Value = value;
                    record.Updated = request.Now;
                }

                items.Add(SuccessItem(record.ToJson()));
            }
            catch (ExotelError e)
            {
                items.Add(FailureItem(e));
            }
        }

        return Batch(request, items, reportFailed: false);
    }
}
