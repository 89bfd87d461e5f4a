using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.Tests.AI;

public sealed class RecommendationValidatorTests
{
    private static string Item(string type = "sleep", string? title = null, string? rationale = null, string priority = "medium", string? extra = null) =>
        $$"""{"type":"{{type}}","title":{{JsonSerializer.Serialize(title ?? "Go to bed earlier")}},"rationale":{{JsonSerializer.Serialize(rationale ?? "You slept 6.1 h against a need of 8 h.")}},"priority":"{{priority}}"{{extra}}}""";

    private static string Answer(params string[] items) => """{"recommendations":[""" + string.Join(",", items) + "]}";

    private static AIFallbackException Rejected(string json) =>
        FluentActions.Invoking(() => RecommendationValidator.ValidateText(json)).Should().Throw<AIFallbackException>().Which;

    [Fact]
    public void ValidateText_ValidAnswer_ReturnsDraftsWithParsedFields()
    {
        RecommendationValidator.Result result = RecommendationValidator.ValidateText(Answer(Item(
            "training",
            priority: "HIGH",
            extra: ""","actions":[{"label":"Easy 30 min","kind":"accept"},{"label":"Skip","kind":"reject"}],"evidence":[{"metric":"hrv","value":48,"note":"20 % below baseline"}]""")));

        RecommendationDraft draft = result.Drafts.Should().ContainSingle().Subject;
        draft.Type.Should().Be(RecommendationType.Training);
        draft.Priority.Should().Be(RecommendationPriority.High);
        draft.Actions.Should().Equal(new RecommendationAction("Easy 30 min", RecommendationActionKind.Accept), new RecommendationAction("Skip", RecommendationActionKind.Reject));
        draft.Evidence.Should().ContainSingle().Which.Should().BeEquivalentTo(new Evidence { Metric = "hrv", Value = 48, Note = "20 % below baseline" });
        result.Escalation.Should().BeNull();
    }

    [Fact]
    public void ValidateText_NoActions_GetsTheStandardTriple()
    {
        RecommendationValidator.ValidateText(Answer(Item())).Drafts[0].Actions.Select(a => a.Kind)
            .Should().Equal(RecommendationActionKind.Accept, RecommendationActionKind.Snooze, RecommendationActionKind.Reject);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void ValidateText_RecommendationCount_AllowsZeroToThree(int count, bool valid)
    {
        string json = Answer([.. Enumerable.Repeat(Item(), count)]);

        if (valid)
        {
            RecommendationValidator.ValidateText(json).Drafts.Should().HaveCount(count);
        }
        else
        {
            Rejected(json).Detail.Should().Be("recommendations has 4 items; allowed 0–3");
        }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(80, true)]
    [InlineData(81, false)]
    public void ValidateText_TitleLength_AllowsThreeToEighty(int length, bool valid)
    {
        string json = Answer(Item(title: new string('t', length)));

        if (valid)
        {
            RecommendationValidator.ValidateText(json).Drafts.Should().ContainSingle();
        }
        else
        {
            Rejected(json).Detail.Should().Be($"recommendations[0].title has {length} characters; allowed 3–80");
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(400, true)]
    [InlineData(401, false)]
    public void ValidateText_RationaleLength_AllowsTenToFourHundred(int length, bool valid)
    {
        string json = Answer(Item(rationale: new string('r', length)));

        if (valid)
        {
            RecommendationValidator.ValidateText(json).Drafts.Should().ContainSingle();
        }
        else
        {
            Rejected(json).Detail.Should().Contain("rationale has").And.Contain("allowed 10–400");
        }
    }

    [Theory]
    [InlineData("""{"type":"meditation","title":"Breathe","rationale":"Stress is 64, well above 42.","priority":"low"}""", "recommendations[0].type 'meditation' is not one of sleep, training, stress, nutrition, break, alert, simulation")]
    [InlineData("""{"type":"sleep","title":"Breathe","rationale":"Stress is 64, well above 42.","priority":"urgent"}""", "recommendations[0].priority 'urgent' is not one of low, medium, high")]
    [InlineData("""{"type":"sleep","title":"Breathe","rationale":"Stress is 64, well above 42.","priority":"low","actions":[{"label":"Go","kind":"maybe"}]}""", "recommendations[0].actions[0].kind 'maybe' is not one of accept, snooze, reject")]
    [InlineData("""{"type":"sleep","rationale":"Stress is 64, well above 42.","priority":"low"}""", "recommendations[0].title is missing or not a string")]
    [InlineData("""{"type":"sleep","title":"Breathe","rationale":"Stress is 64, well above 42.","priority":"low","evidence":[{"metric":"hrv","value":"low"}]}""", "recommendations[0].evidence[0].value is not a finite number")]
    [InlineData("""{"type":"sleep","title":"Breathe","rationale":"Stress is 64, well above 42.","priority":"low","actions":[{"label":"a","kind":"accept"},{"label":"b","kind":"accept"},{"label":"c","kind":"accept"},{"label":"d","kind":"accept"}]}""", "recommendations[0].actions has 4 items; allowed 0–3")]
    [InlineData("\"just a string\"", "recommendations[0] is not an object")]
    public void ValidateText_InvalidField_IsRejectedNamingFieldAndRule(string item, string expected)
    {
        Rejected(Answer(item)).Should().Match<AIFallbackException>(e => e.Code == "invalid-output" && e.Detail == expected);
    }

    [Fact]
    public void ValidateText_RejectionDetail_NeverEchoesFreeText()
    {
        AIFallbackException longValue = Rejected(Answer(Item(type: "My secret diary entry about feeling low")));
        AIFallbackException shortValue = Rejected(Answer(Item(type: "I feel <low>!")));

        longValue.Detail.Should().Be("recommendations[0].type has 39 characters; allowed 1–20");
        shortValue.Detail.Should().StartWith("recommendations[0].type 'Ifeellow' is not one of");
    }

    [Fact]
    public void ValidateText_Prose_IsReportedAsProseOutput()
    {
        AIFallbackException error = Rejected("Here are three tips for better sleep: ...");

        error.Code.Should().Be("prose-output");
    }

    [Fact]
    public void ValidateText_TruncatedJson_IsReportedAsMalformed()
    {
        Rejected("""{"recommendations":[{"type":""").Detail.Should().StartWith("malformed JSON at line 1");
    }

    [Fact]
    public void ValidateText_CodeFencedJsonOrBareArray_IsAccepted()
    {
        RecommendationValidator.ValidateText("```json\n" + Answer(Item()) + "\n```").Drafts.Should().ContainSingle();
        RecommendationValidator.ValidateText("[" + Item() + "]").Drafts.Should().ContainSingle();
    }

    [Theory]
    [InlineData("Take 3 mg of melatonin before bed")]
    [InlineData("Reduce your medication dose tonight")]
    [InlineData("You likely have sleep apnea; your HRV shows it")]
    public void ValidateText_MedicalDirective_IsDroppedAndEscalated(string title)
    {
        RecommendationValidator.Result result = RecommendationValidator.ValidateText(Answer(Item(title: title), Item(type: "break", title: "Walk outside at noon")));

        result.Drafts.Should().ContainSingle().Which.Title.Should().Be("Walk outside at noon");
        result.Escalation.Should().Contain("diagnosis or medication");
    }

    [Fact]
    public void ValidateText_RedFlagInAnswer_KeepsItAndEscalates()
    {
        RecommendationValidator.Result result = RecommendationValidator.ValidateText(Answer(Item(rationale: "If the chest pain returns during training, stop and get checked.")));

        result.Drafts.Should().ContainSingle();
        result.Escalation.Should().Be("the AI answer mentions chest pain");
    }

    [Fact]
    public void Validate_ToolCallFromAnyChatClient_IsReadFromItsArguments()
    {
        using JsonDocument document = JsonDocument.Parse(Answer(Item()));
        var arguments = new Dictionary<string, object?> { ["recommendations"] = document.RootElement.GetProperty("recommendations").Clone() };
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "submit_recommendations", arguments)]));

        RecommendationValidator.Validate(response).Drafts.Should().ContainSingle();
    }

    [Fact]
    public void Validate_AnswerCutOffAtTokenLimit_SaysSo()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"recommendations":[{"type":"sl""")) { FinishReason = ChatFinishReason.Length };

        FluentActions.Invoking(() => RecommendationValidator.Validate(response)).Should().Throw<AIFallbackException>()
            .Which.Detail.Should().EndWith("(the answer was cut off at the output-token limit)");
    }
}
