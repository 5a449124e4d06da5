using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Assertions on Exotel's v2 envelopes (exotel-api.md §2): what every answer of the trunk API must look like.</summary>
internal static partial class V2Assert
{
    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RequestIdPattern();

    /// <summary>Checks the envelope head: a 32-hex <c>request_id</c>, the method and the <c>http_code</c>.</summary>
    public static void Head(JsonNode? body, string method, int httpCode)
    {
        Assert.That(body, Is.InstanceOf<JsonObject>(), "the answer is a JSON envelope");
        Assert.Multiple(() =>
        {
            Assert.That((string?)body!["request_id"], Does.Match(RequestIdPattern()));
            Assert.That((string?)body["method"], Is.EqualTo(method));
            Assert.That((int?)body["http_code"], Is.EqualTo(httpCode));
        });
    }

    /// <summary>A single-resource success (shape a): HTTP 200, <c>response</c> an object with code 200; returns its <c>data</c>.</summary>
    public static JsonObject Success((HttpStatusCode Status, JsonNode? Body) answer, string method)
    {
        var (status, body) = answer;
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Head(body, method, 200);
        var response = body!["response"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.AsObject().ContainsKey("metadata"), Is.False, "shape (a) has no metadata");
            Assert.That((int?)response["code"], Is.EqualTo(200));
            Assert.That((string?)response["status"], Is.EqualTo("success"));
            Assert.That(response.ContainsKey("error_data"), Is.True);
            Assert.That(response["error_data"], Is.Null);
        });
        return response["data"]!.AsObject();
    }

    /// <summary>A failure (shape a): the HTTP status, <c>http_code</c>, <c>response.code</c> and <c>error_data</c> exactly.</summary>
    public static void Failure(
        (HttpStatusCode Status, JsonNode? Body) answer, string method, int httpStatus, int code, int errorCode, string message, string description)
    {
        var (status, body) = answer;
        Assert.That((int)status, Is.EqualTo(httpStatus), body?.ToJsonString());
        Head(body, method, httpStatus);
        Assert.That(body!["response"], Is.InstanceOf<JsonObject>());
        Item(body["response"]!.AsObject(), code, errorCode, message, description);
    }

    /// <summary>One failed item: <c>{code, error_data:{code, message, description}, status:"failure", data:null}</c>.</summary>
    public static void Item(JsonObject item, int code, int errorCode, string message, string description)
    {
        Assert.That(item["error_data"], Is.InstanceOf<JsonObject>(), item.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((int?)item["code"], Is.EqualTo(code));
            Assert.That((string?)item["status"], Is.EqualTo("failure"));
            Assert.That(item.ContainsKey("data"), Is.True);
            Assert.That(item["data"], Is.Null);
            Assert.That((int?)item["error_data"]!["code"], Is.EqualTo(errorCode));
            Assert.That((string?)item["error_data"]!["message"], Is.EqualTo(message));
            Assert.That((string?)item["error_data"]!["description"], Is.EqualTo(description));
        });
    }

    /// <summary>A 1002 "Invalid parameter" refusal with HTTP 400.</summary>
    public static void Invalid((HttpStatusCode Status, JsonNode? Body) answer, string method, string description) =>
        Failure(answer, method, 400, 400, 1002, "Invalid parameter", description);

    /// <summary>A 1001 "Mandatory Parameter missing" refusal with HTTP 400.</summary>
    public static void Mandatory((HttpStatusCode Status, JsonNode? Body) answer, string method, string description) =>
        Failure(answer, method, 400, 400, 1001, "Mandatory Parameter missing", description);

    /// <summary>A 1000 "Not Found" refusal with HTTP 404.</summary>
    public static void NotFound((HttpStatusCode Status, JsonNode? Body) answer, string method) =>
        Failure(answer, method, 404, 404, 1000, "Not Found", "Not Found");

    /// <summary>A list (shape c) with HTTP 200: the <c>data</c> of each item, after checking each is a success.</summary>
    public static List<JsonObject> List((HttpStatusCode Status, JsonNode? Body) answer)
    {
        var (status, body) = answer;
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Head(body, "GET", 200);
        Assert.That(body!["response"], Is.InstanceOf<JsonArray>());
        var items = body["response"]!.AsArray().Select(i => i!.AsObject()).ToList();
        foreach (var item in items)
        {
            Assert.Multiple(() =>
            {
                Assert.That((int?)item["code"], Is.EqualTo(200));
                Assert.That((string?)item["status"], Is.EqualTo("success"));
                Assert.That(item["error_data"], Is.Null);
            });
        }

        return [.. items.Select(i => i["data"]!.AsObject())];
    }

    /// <summary>Whether two JSON values are equal, member by member, failing with both shown.</summary>
    public static void Json(JsonNode? actual, string expected)
    {
        var wanted = JsonNode.Parse(expected);
        Assert.That(JsonNode.DeepEquals(actual, wanted), Is.True, $"expected {wanted?.ToJsonString()}{Environment.NewLine}but was {actual?.ToJsonString()}");
    }

    /// <summary>The names of an object's members, in order.</summary>
    public static string[] Keys(JsonNode? node) => [.. node!.AsObject().Select(p => p.Key)];
}
