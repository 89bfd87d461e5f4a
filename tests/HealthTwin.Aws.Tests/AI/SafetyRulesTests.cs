using HealthTwin.Aws.AI;

namespace HealthTwin.Aws.Tests.AI;

public sealed class SafetyRulesTests
{
    [Theory]
    [InlineData("Had chest pain while climbing stairs", "chest pain")]
    [InlineData("pain in my chest this morning", "chest pain")]
    [InlineData("I fainted at the gym", "fainting")]
    [InlineData("nearly passed out after the run", "fainting")]
    [InlineData("feeling suicidal lately", "thoughts of self-harm")]
    [InlineData("I want to die", "thoughts of self-harm")]
    [InlineData("shortness of breath at rest", "breathing difficulty")]
    [InlineData("heart palpitations at night", "an irregular heartbeat")]
    public void FindRedFlag_Symptom_ReturnsItsCategory(string text, string expected)
    {
        SafetyRules.FindRedFlag(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Chest day at the gym, legs sore")]
    [InlineData("Feeling tired, slept badly")]
    [InlineData("")]
    [InlineData(null)]
    public void FindRedFlag_OrdinaryNotes_ReturnsNull(string? text)
    {
        SafetyRules.FindRedFlag(text).Should().BeNull();
    }

    [Theory]
    [InlineData("Take 3 mg of melatonin", true)]
    [InlineData("Stop taking your sleeping pills", true)]
    [InlineData("Ask about a lower dosage", true)]
    [InlineData("You probably have an anxiety disorder", true)]
    [InlineData("This indicates sleep apnea", true)]
    [InlineData("Take a 10-minute walk after lunch", false)]
    [InlineData("Drink 500 ml of water before training", false)]
    [InlineData("Reduce caffeine after 2 pm", false)]
    [InlineData("If symptoms persist, see a doctor for a proper assessment", false)]
    public void IsMedicalDirective_Text_DetectsDiagnosesAndMedicationOnly(string text, bool expected)
    {
        SafetyRules.IsMedicalDirective(text).Should().Be(expected);
    }

    [Fact]
    public void ProfessionalAlert_IsAHighPriorityAlertWithAStableId()
    {
        var alert = SafetyRules.ProfessionalAlert("bedrock-sleep", AITestData.Today, AITestData.AnalyzedAt, "your notes mention chest pain");

        alert.Id.Should().Be("bedrock-sleep:ai-see-professional:2025-03-10");
        alert.Type.Should().Be(HealthTwin.Agents.Model.RecommendationType.Alert);
        alert.Priority.Should().Be(HealthTwin.Agents.Model.RecommendationPriority.High);
        alert.Rationale.Should().Contain("your notes mention chest pain").And.Contain("emergency");
        alert.CreatedAt.Should().Be(AITestData.AnalyzedAt);
    }
}
