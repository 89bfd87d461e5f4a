using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.AI;

/// <summary>A built prompt: the messages to send, a SHA-256 hash of everything in them (the cache key part), and its size.</summary>
/// <param name="Messages">The messages (a system message unless the model has no system prompts, then one user message).</param>
/// <param name="Hash">Lower-case hex SHA-256 of the model id and the prompt text.</param>
/// <param name="Characters">The characters of system plus user text.</param>
/// <param name="UsesForcedTool">Whether the answer is expected as a call of the recommendation tool (else as JSON text).</param>
internal sealed record HealthPrompt(IList<ChatMessage> Messages, string Hash, int Characters, bool UsesForcedTool);
