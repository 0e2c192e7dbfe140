// Every Dapper call of this assembly is bound at build time by Dapper.AOT's generator: the daemon can then be compiled
// ahead of time (no Reflection.Emit at run time), and a query whose columns or parameters do not fit its type fails the
// build instead of the first run.
[module: Dapper.DapperAot]

// Value tuples are filled by column position, as Dapper itself does.
[module: Dapper.BindTupleByName(false)]
