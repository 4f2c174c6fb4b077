// TEMP STUB (untracked) until the importer branch merges.
using NokoBot.Domain.Plans;
namespace NokoBot.Plans;
public sealed record PlanFile(PlanImport Import, string Sha256, string FileName);
public static class PlanFileReader
{
    public static PlanFile Read(string path, int planYear, IReadOnlyCollection<string>? knownParties = null) =>
        throw new PlanFormatException("stub");
}
