using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Sky.Router.Proxy;
using Yarp.ReverseProxy.Forwarder;

namespace Sky.Router.Tests.Proxy;

public class RetryRuleTests
{
    private static readonly Exception Refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));
    private static readonly Exception Ended = new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely");

    [Theory]
    [InlineData("POST", 12L)]
    [InlineData("GET", null)]
    public void A_request_that_never_connected_is_retried_whatever_it_is(string method, long? length)
    {
        Assert.True(RetryRule.AllowsRetry(Request(method, length), new Failure(ForwarderError.Request, Refused)));
    }

    [Fact]
    public void A_sent_POST_is_never_sent_twice()
    {
        Assert.False(RetryRule.AllowsRetry(Request("POST", 12), new Failure(ForwarderError.Request, Ended)));
        Assert.False(RetryRule.AllowsRetry(Request("POST", null), new Failure(ForwarderError.Request, Ended)));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("DELETE")]
    public void An_idempotent_request_without_body_that_got_no_response_is_retried(string method)
    {
        Assert.True(RetryRule.AllowsRetry(Request(method, null), new Failure(ForwarderError.Request, Ended)));
        Assert.True(RetryRule.AllowsRetry(Request(method, null), new Failure(ForwarderError.RequestTimedOut, null)));
    }

    [Fact]
    public void A_PUT_whose_body_was_sent_or_a_response_that_had_begun_is_not_retried()
    {
        Assert.False(RetryRule.AllowsRetry(Request("PUT", 100), new Failure(ForwarderError.Request, Ended)));
        Assert.False(RetryRule.AllowsRetry(Request("GET", null), new Failure(ForwarderError.ResponseBodyDestination, Ended)));
    }

    [Fact]
    public void The_client_going_away_is_not_the_container_s_fault()
    {
        Assert.False(RetryRule.IsContainerFault(ForwarderError.RequestCanceled));
        Assert.False(RetryRule.IsContainerFault(ForwarderError.ResponseBodyClient));
        Assert.True(RetryRule.IsContainerFault(ForwarderError.Request));
        Assert.True(RetryRule.IsContainerFault(ForwarderError.ResponseBodyDestination));
    }

    private static DefaultHttpContext Request(string method, long? length)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentLength = length;
        return context;
    }

    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
}
