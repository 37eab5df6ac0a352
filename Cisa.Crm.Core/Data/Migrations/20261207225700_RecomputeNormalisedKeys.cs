using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cisa.Crm.Core.Data.Migrations
{
    /// <summary>
    /// Issue 18: no schema change. It marks that the stored search keys and e-mail addresses were recomputed with the
    /// normaliser that drops invisible characters: <see cref="DatabaseInitializer"/> runs <see cref="NormalisedKeys"/>
    /// just before applying it, so a database that has it was rekeyed. A DBA who applies db/schema.sql to a database that
    /// holds data must start the app once on it (or the rekey stays undone).
    /// </summary>
    public partial class RecomputeNormalisedKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
