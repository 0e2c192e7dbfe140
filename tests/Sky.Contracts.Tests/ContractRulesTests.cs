using System.Reflection;

namespace Sky.Contracts.Tests;

/// <summary>Rules every wire shape keeps, checked over the whole assembly so a new contract cannot forget them.</summary>
public sealed class ContractRulesTests
{
    private static readonly Type[] Contracts = typeof(SkyJson).Assembly.GetExportedTypes().Where(t => t.GetProperties().Length > 0).ToArray();

    [Fact]
    public void No_contract_carries_a_TimeSpan_because_durations_travel_as_seconds()
    {
        var offenders = Contracts
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => (Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType) == typeof(TimeSpan))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Contracts_depend_on_nothing_of_sky()
    {
        var references = typeof(SkyJson).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Sky.", StringComparison.Ordinal));

        Assert.Empty(references);
    }

    [Fact]
    public void Every_contract_is_a_record_so_answers_compare_by_value()
    {
        var notRecords = Contracts.Where(t => !t.IsAbstract && t.GetMethod("<Clone>$") is null && !t.IsValueType).Select(t => t.Name).ToList();

        Assert.Empty(notRecords);
    }
}
