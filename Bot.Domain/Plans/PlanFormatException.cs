namespace NokoBot.Domain.Plans;

/// <summary>The input is not a plan NokoBot can read. The message is Russian and shown to the secretary as is.</summary>
public sealed class PlanFormatException(string message) : Exception(message);
