using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Aws.Tests.Bedrock;

public sealed class BedrockChatClientTests : IAsyncLifetime
{
    private const string Claude = "anthropic.claude-3-5-sonnet-20241022-v2:0";
    private LoopbackBedrockServer _server = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await LoopbackBedrockServer.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_SignedRequest_IsAcceptedAndMapped()
    {
        _server.Enqueue(LoopbackBedrockReply.Text("Sleep earlier.", inputTokens: 120, outputTokens: 30));
        using ServiceProvider provider = CreateProvider();
        IChatClient client = provider.GetRequiredService<BedrockChatClient>();

        ChatResponse response = await client.GetResponseAsync("How do I sleep better?");

        response.Text.Should().Be("Sleep earlier.");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ModelId.Should().Be(Claude);
        response.ResponseId.Should().Be("req-1");
        response.Usage!.InputTokenCount.Should().Be(120);
        response.Usage.OutputTokenCount.Should().Be(30);
        response.Usage.TotalTokenCount.Should().Be(150);
        LoopbackBedrockRequest request = _server.Requests.Should().ContainSingle().Subject;
        request.SignatureError.Should().BeNull();
        request.Authorization.Should().Contain("/us-east-1/bedrock/aws4_request");
        request.RawTarget.Should().Be("/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse");
        request.UserText.Should().Be("How do I sleep better?");
    }

    [Fact]
    public async Task GetResponseAsync_WrongSecret_IsRejectedWith403InvalidSignature()
    {
        using ServiceProvider provider = CreateProvider(new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, "not-the-secret"));
        IChatClient client = provider.GetRequiredService<BedrockChatClient>();

        Func<Task> act = () => client.GetResponseAsync("hi");

        BedrockException error = (await act.Should().ThrowAsync<BedrockException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.ErrorType.Should().Be("InvalidSignatureException");
        error.RequestId.Should().Be("req-1");
        error.IsRetryable.Should().BeFalse();
        error.Message.Should().Contain("signature").And.NotContain("not-the-secret");
        _server.RejectedCount.Should().Be(1);
    }

    [Fact]
    public async Task GetResponseAsync_SessionCredentials_SignTheSecurityToken()
    {
        using ServiceProvider provider = CreateProvider(new SessionAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey, "TOKEN/with+chars=="));

        await provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi");

        LoopbackBedrockRequest request = _server.Requests.Should().ContainSingle().Subject;
        request.SignatureError.Should().BeNull();
        request.Authorization.Should().Contain("x-amz-security-token");
    }

    [Fact]
    public async Task GetResponseAsync_InferenceProfileArn_IsOnePercentEncodedPathSegment()
    {
        const string arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";
        using ServiceProvider provider = CreateProvider();

        await provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi", new ChatOptions { ModelId = arn });

        LoopbackBedrockRequest request = _server.Requests.Should().ContainSingle().Subject;
        request.SignatureError.Should().BeNull();
        request.RawTarget.Should().Be("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse");
        request.ModelId.Should().Be(arn);
    }

    [Fact]
    public async Task GetResponseAsync_ChatOptions_MapToInferenceConfigSystemAndForcedTool()
    {
        _server.Enqueue(LoopbackBedrockReply.ToolUse("""{"answer":42,"items":["a"]}"""));
        using ServiceProvider provider = CreateProvider();
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"number"}}}""");
        var options = new ChatOptions
        {
            ModelId = "meta.llama3-3-70b-instruct-v1:0",
            MaxOutputTokens = 512,
            Temperature = 0.25f,
            TopP = 0.5f,
            StopSequences = ["END"],
            Instructions = "Be brief.",
            Tools = [AIFunctionFactory.CreateDeclaration("submit", "Submit the answer.", schema.RootElement)],
            ToolMode = ChatToolMode.RequireSpecific("submit"),
        };

        ChatResponse response = await provider.GetRequiredService<BedrockChatClient>().GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are a coach."), new ChatMessage(ChatRole.User, "Question")], options);

        JsonElement body = _server.Requests.Should().ContainSingle().Subject.Json;
        body.GetProperty("inferenceConfig").GetProperty("maxTokens").GetInt32().Should().Be(512);
        body.GetProperty("inferenceConfig").GetProperty("temperature").GetDouble().Should().BeApproximately(0.25, 1e-6);
        body.GetProperty("inferenceConfig").GetProperty("topP").GetDouble().Should().BeApproximately(0.5, 1e-6);
        body.GetProperty("inferenceConfig").GetProperty("stopSequences")[0].GetString().Should().Be("END");
        body.GetProperty("system").EnumerateArray().Select(b => b.GetProperty("text").GetString()).Should().Equal("Be brief.", "You are a coach.");
        body.GetProperty("messages").GetArrayLength().Should().Be(1);
        body.GetProperty("toolConfig").GetProperty("tools")[0].GetProperty("toolSpec").GetProperty("inputSchema").GetProperty("json").GetProperty("type").GetString().Should().Be("object");
        body.GetProperty("toolConfig").GetProperty("toolChoice").GetProperty("tool").GetProperty("name").GetString().Should().Be("submit");
        _server.Requests[0].RawTarget.Should().Be("/model/meta.llama3-3-70b-instruct-v1%3A0/converse");

        FunctionCallContent call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("submit");
        call.CallId.Should().Be("tooluse_1");
        ((JsonElement)call.Arguments!["answer"]!).GetInt32().Should().Be(42);
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaResponseFormat_ForcesAToolAndReturnsItsInputAsText()
    {
        _server.Enqueue(LoopbackBedrockReply.ToolUse("""{"answer":42}"""));
        using ServiceProvider provider = CreateProvider();
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"number"}},"required":["answer"]}""");

        ChatResponse response = await provider.GetRequiredService<BedrockChatClient>().GetResponseAsync(
            "Question", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "the answer!") });

        _server.Requests[0].ForcedToolName.Should().Be("the_answer_");
        response.Text.Should().Be("""{"answer":42}""");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Theory]
    [InlineData(429, "ThrottlingException", false, true)]
    [InlineData(429, "ModelNotReadyException", false, true)]
    [InlineData(500, "InternalServerException", true, true)]
    [InlineData(503, "ServiceUnavailableException", false, true)]
    [InlineData(408, "ModelTimeoutException", false, false)]
    [InlineData(403, "AccessDeniedException", true, false)]
    [InlineData(400, "ValidationException", false, false)]
    [InlineData(424, "ModelErrorException", false, false)]
    public async Task GetResponseAsync_ErrorResponse_ThrowsTypedBedrockException(int status, string errorType, bool typeInBody, bool retryable)
    {
        _server.Enqueue(LoopbackBedrockReply.Error(status, errorType, "scripted failure", typeInBody));
        using ServiceProvider provider = CreateProvider();

        Func<Task> act = () => provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi");

        BedrockException error = (await act.Should().ThrowAsync<BedrockException>()).Which;
        error.ErrorType.Should().Be(errorType);
        ((int)error.StatusCode).Should().Be(status);
        error.RequestId.Should().Be("req-1");
        error.IsRetryable.Should().Be(retryable);
        error.Message.Should().Contain("scripted failure").And.Contain(errorType);
    }

    [Fact]
    public async Task GetResponseAsync_BodyIsNotJson_ThrowsMalformedResponse()
    {
        _server.Enqueue(LoopbackBedrockReply.Malformed());
        using ServiceProvider provider = CreateProvider();

        Func<Task> act = () => provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi");

        BedrockException error = (await act.Should().ThrowAsync<BedrockException>()).Which;
        error.ErrorType.Should().Be(BedrockException.MalformedResponseErrorType);
        error.IsRetryable.Should().BeFalse();
    }

    [Theory]
    [InlineData("max_tokens", "length")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("content_filtered", "content_filter")]
    [InlineData("guardrail_intervened", "content_filter")]
    public async Task GetResponseAsync_StopReason_MapsToFinishReason(string stopReason, string expected)
    {
        _server.Enqueue(LoopbackBedrockReply.Text("partial", stopReason: stopReason));
        using ServiceProvider provider = CreateProvider();

        ChatResponse response = await provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi");

        response.FinishReason!.Value.Value.Should().Be(expected);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TextDeltas_AreYieldedInOrderWithUsage()
    {
        _server.Enqueue(LoopbackBedrockReply.TextStream("Hel", "lo, ", "wor", "ld"));
        using ServiceProvider provider = CreateProvider();
        List<ChatResponseUpdate> updates = [];

        await foreach (ChatResponseUpdate update in provider.GetRequiredService<BedrockChatClient>().GetStreamingResponseAsync("hi"))
        {
            updates.Add(update);
        }

        _server.Requests[0].RawTarget.Should().EndWith("/converse-stream");
        _server.Requests[0].SignatureError.Should().BeNull();
        updates.Where(u => u.Text.Length > 0).Select(u => u.Text).Should().Equal("Hel", "lo, ", "wor", "ld");
        updates.Should().ContainSingle(u => u.FinishReason != null).Which.FinishReason.Should().Be(ChatFinishReason.Stop);
        UsageContent usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject;
        usage.Details.InputTokenCount.Should().Be(25);
        usage.Details.OutputTokenCount.Should().Be(7);
        ChatResponse combined = updates.ToChatResponse();
        combined.Text.Should().Be("Hello, world");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolUseDeltas_YieldFragmentsThenTheCompletedCall()
    {
        _server.Enqueue(LoopbackBedrockReply.Stream(
            ("messageStart", """{"role":"assistant"}"""),
            ("contentBlockStart", """{"contentBlockIndex":0,"start":{"toolUse":{"toolUseId":"t1","name":"submit"}}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"toolUse":{"input":"{\"answer\":"}}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"toolUse":{"input":"42}"}}}"""),
            ("contentBlockStop", """{"contentBlockIndex":0}"""),
            ("messageStop", """{"stopReason":"tool_use"}""")));
        using ServiceProvider provider = CreateProvider();
        List<ChatResponseUpdate> updates = [];

        await foreach (ChatResponseUpdate update in provider.GetRequiredService<BedrockChatClient>().GetStreamingResponseAsync("hi"))
        {
            updates.Add(update);
        }

        updates.Where(u => u.AdditionalProperties?.ContainsKey(BedrockChatClient.ToolInputDeltaKey) == true)
            .Select(u => (string)u.AdditionalProperties![BedrockChatClient.ToolInputDeltaKey]!)
            .Should().Equal("{\"answer\":", "42}");
        FunctionCallContent call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.Name.Should().Be("submit");
        ((JsonElement)call.Arguments!["answer"]!).GetInt32().Should().Be(42);
        updates.Last().FinishReason.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_JsonSchemaResponseFormat_StreamsTheForcedToolInputAsText()
    {
        _server.Enqueue(LoopbackBedrockReply.Stream(
            ("contentBlockStart", """{"contentBlockIndex":0,"start":{"toolUse":{"toolUseId":"t1","name":"answer"}}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"toolUse":{"input":"{\"answer\""}}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"toolUse":{"input":":42}"}}}"""),
            ("contentBlockStop", """{"contentBlockIndex":0}"""),
            ("messageStop", """{"stopReason":"tool_use"}""")));
        using ServiceProvider provider = CreateProvider();
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"number"}}}""");
        List<ChatResponseUpdate> updates = [];

        await foreach (ChatResponseUpdate update in provider.GetRequiredService<BedrockChatClient>().GetStreamingResponseAsync(
            "Question", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "answer") }))
        {
            updates.Add(update);
        }

        updates.ToChatResponse().Text.Should().Be("""{"answer":42}""");
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Should().BeEmpty();
        updates.Last().FinishReason.Should().Be(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CorruptFrame_SurfacesAClearErrorAfterTheGoodFrames()
    {
        _server.Enqueue(LoopbackBedrockReply.CorruptStream(
            3,
            ("messageStart", """{"role":"assistant"}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"one "}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"two "}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"three"}}"""),
            ("messageStop", """{"stopReason":"end_turn"}""")));
        using ServiceProvider provider = CreateProvider();
        List<string> texts = [];

        Func<Task> act = async () =>
        {
            await foreach (ChatResponseUpdate update in provider.GetRequiredService<BedrockChatClient>().GetStreamingResponseAsync("hi"))
            {
                if (update.Text.Length > 0)
                {
                    texts.Add(update.Text);
                }
            }
        };

        BedrockException error = (await act.Should().ThrowAsync<BedrockException>()).Which;
        error.ErrorType.Should().Be(BedrockException.CorruptStreamErrorType);
        error.Message.Should().Contain("corrupt event-stream frame").And.Contain("Checksum");
        error.InnerException.Should().BeOfType<Amazon.Runtime.EventStreams.EventStreamChecksumFailureException>();
        texts.Should().Equal("one ", "two ");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ExceptionFrame_ThrowsTypedRetryableException()
    {
        _server.Enqueue(LoopbackBedrockReply.Stream(
            ("messageStart", """{"role":"assistant"}"""),
            ("exception:throttlingException", """{"message":"Too many tokens, please wait."}""")));
        using ServiceProvider provider = CreateProvider();

        Func<Task> act = async () =>
        {
            await foreach (ChatResponseUpdate update in provider.GetRequiredService<BedrockChatClient>().GetStreamingResponseAsync("hi"))
            {
                _ = update;
            }
        };

        BedrockException error = (await act.Should().ThrowAsync<BedrockException>()).Which;
        error.ErrorType.Should().Be("ThrottlingException");
        error.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        error.IsRetryable.Should().BeTrue();
        error.Message.Should().Contain("Too many tokens");
    }

    [Fact]
    public async Task GetResponseAsync_NoCredentials_ThrowsConfigurationErrorWithoutSendingAndCachesTheFailure()
    {
        int chainCalls = 0;
        using ServiceProvider provider = CreateProvider(configureServices: services => services.AddSingleton(sp => new BedrockCredentialResolver(
            new BedrockChatClientOptions { ServiceUrl = _server.Endpoint, Region = "us-east-1" },
            null,
            TimeProvider.System,
            _ =>
            {
                Interlocked.Increment(ref chainCalls);
                throw new AmazonClientException("Failed to resolve AWS credentials.\nException 1 of 4: ...");
            })));
        IChatClient client = provider.GetRequiredService<BedrockChatClient>();

        Func<Task> act = () => client.GetResponseAsync("hi");

        BedrockConfigurationException error = (await act.Should().ThrowAsync<BedrockConfigurationException>()).Which;
        error.Setting.Should().Be(BedrockConfigurationException.CredentialsSetting);
        error.Message.Should().Contain("No AWS credentials");
        await act.Should().ThrowAsync<BedrockConfigurationException>();
        chainCalls.Should().Be(1);
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public void GetService_ChatClientMetadata_NamesProviderEndpointAndDefaultModel()
    {
        using ServiceProvider provider = CreateProvider();
        using ServiceProvider regional = CreateProvider(configure: o =>
        {
            o.ServiceUrl = null;
            o.Region = "eu-west-1";
            o.DefaultModelId = "meta.llama3-3-70b-instruct-v1:0";
        });

        ChatClientMetadata metadata = provider.GetRequiredService<BedrockChatClient>().GetService<ChatClientMetadata>()!;
        ChatClientMetadata regionalMetadata = regional.GetRequiredService<BedrockChatClient>().GetService<ChatClientMetadata>()!;

        metadata.ProviderName.Should().Be("aws.bedrock");
        metadata.ProviderUri.Should().Be(_server.Endpoint);
        metadata.DefaultModelId.Should().Be(Claude);
        regionalMetadata.ProviderUri.Should().Be(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com"));
        regionalMetadata.DefaultModelId.Should().Be("meta.llama3-3-70b-instruct-v1:0");
        provider.GetRequiredService<BedrockChatClient>().GetService<BedrockChatClient>().Should().NotBeNull();
    }

    [Theory]
    [InlineData(-0.01f)]
    [InlineData(1.01f)]
    public async Task GetResponseAsync_TemperatureOutsideZeroToOne_ThrowsNamingTheOption(float temperature)
    {
        using ServiceProvider provider = CreateProvider();

        Func<Task> act = () => provider.GetRequiredService<BedrockChatClient>().GetResponseAsync("hi", new ChatOptions { Temperature = temperature });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*Temperature*0–1*");
        _server.RequestCount.Should().Be(0);
    }

    private ServiceProvider CreateProvider(AWSCredentials? credentials = null, Action<BedrockChatClientOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        BedrockChatClientRegistration.AddBedrockChatClient(services);
        services.Configure<BedrockChatClientOptions>(o =>
        {
            o.ServiceUrl = _server.Endpoint;
            o.Region = "us-east-1";
            o.Credentials = credentials ?? new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey);
            configure?.Invoke(o);
        });
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
