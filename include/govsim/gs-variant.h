/* gs-variant.h — variants of a scenario's terms of reference, without
 * editing the file: the settings that tell one draft from another.
 *
 * A variant is a name and a list of settings.  A setting names an element
 * of the file by its id, a path of child elements below it and an
 * attribute, and gives the attribute a new value (or removes it, or
 * removes the element):
 *
 *     alliance-jc/voting@rule=simple-majority
 *     fic/quorum@present=4
 *     gwh-fic-capital@limit=2000000
 *     alliance-jc/member[person=nv-ned]@chair=true
 *     alliance-jc/member[2]@person=em-ned
 *     @seed=7                             (the <scenario> element itself)
 *     -gwh-lock                           (removes the element)
 *     -alliance-jc/voting@casting         (removes the attribute)
 *     alliance-jc/member[person=nv-ned]@deputy=nv-dep
 *                                         (sets an attribute the file
 *                                          leaves out: adds it)
 *     +person[id=nv-dep][org=nv][name=Northvale deputy NED]
 *                                         (adds a <person> to the scenario)
 *     +alliance-jc/quorum/role[name=ned] before each-party
 *                                         (adds an element below a path)
 *
 * A step NAME picks the only child element of that name (more than one is
 * an error that says how to pick), NAME[K] the K-th (from 1), and
 * NAME[ATTR=VALUE] the one whose attribute has that value.  An addition
 * "+PATH/NAME[ATTR=VALUE]..." puts a new element NAME, with those
 * attributes, below the element PATH names: after its last child called
 * NAME, or last of all when it has none ("before STEP" puts it before the
 * child STEP picks instead, for elements whose order the schema fixes);
 * "+NAME[...]" adds to the scenario element.  On the command line a variant is
 * "NAME: SETTING; SETTING; ...".  In the file it is
 *
 *     <variant name="majority">
 *       <set target="alliance-jc/voting@rule" value="simple-majority"/>
 *       <remove target="gwh-lock"/>
 *       <add>                        (to the scenario element)
 *         <person id="nv-dep" name="Northvale deputy NED" org="nv"/>
 *       </add>
 *       <add target="alliance-jc/quorum" before="each-party">
 *         <role name="ned"/>
 *       </add>
 *     </variant>
 *
 * where <add> may hold any number of elements, nested as in a file.
 *
 * Variants are applied to the parsed libxml2 tree (gs-loader-private.h's
 * edit hook), never to the bytes: a target is resolved against the
 * document's ids, not found by searching text, a value is set as an
 * attribute value (it cannot add markup), and the edited tree keeps the
 * file's line numbers.  Every variant is then validated by the schema and
 * checked for meaning exactly as a file is, so a value the schema refuses
 * is reported as it would be in a file.
 *
 * A GsSource is a file read once, with its own variants; gs_source_build()
 * makes a GsTerms — one version of the terms of reference, the scenario
 * and its edited document — and gs_terms_diff() lists, in plain English
 * with their lines, the settings two versions differ in.
 */
#pragma once

#include <glib.h>
#include <govsim/gs-scenario.h>

G_BEGIN_DECLS

#define GS_VARIANT_ERROR (gs_variant_error_quark ())
GQuark gs_variant_error_quark (void);

typedef enum
{
  GS_VARIANT_ERROR_SYNTAX,  /* a setting or sweep that cannot be read */
  GS_VARIANT_ERROR_TARGET,  /* a target that names nothing in the file */
  GS_VARIANT_ERROR_UNKNOWN, /* no variant of that name, or one twice */
  GS_VARIANT_ERROR_SWEEP,   /* a sweep with no values, or too many */
} GsVariantError;

typedef enum
{
  GS_SETTING_SET,    /* the attribute takes the value */
  GS_SETTING_REMOVE, /* the attribute (or, with no @ATTR, the element)
                        is removed */
  GS_SETTING_ADD,    /* the elements in value are added below target */
} GsSettingOp;

typedef struct
{
  GsSettingOp op;
  char *target; /* "ID/STEP...@ATTR", as written; for GS_SETTING_ADD the
                   element added to ("" the scenario element) */
  char *value;  /* for GS_SETTING_SET; for GS_SETTING_ADD the elements
                   to add, as markup */
  char *before; /* for GS_SETTING_ADD: the step naming the child they go
                   before, or NULL */
  int line;     /* of its <set>, <remove> or <add> in the file; 0 when
                   given on the command line */
} GsSetting;

typedef struct _GsVariant GsVariant;

/** An empty variant called @name (changing nothing).  (transfer full) */
GsVariant *gs_variant_new (const char *name);
/** Frees @variant; accepts NULL. */
void gs_variant_free (GsVariant *variant);
/** (transfer full) */
GsVariant *gs_variant_copy (const GsVariant *variant);

/** (transfer none) */
const char *gs_variant_get_name (const GsVariant *variant);
guint gs_variant_n_settings (const GsVariant *variant);
/** (transfer none) */
const GsSetting *gs_variant_get_setting (const GsVariant *variant, guint i);

/**
 * gs_variant_add:
 * Adds the setting @text ("TARGET=VALUE", "-TARGET",
 * "+PATH/NAME[ATTR=VALUE]... [before STEP]"), which came from
 * line @line of the file (0: the command line).
 * Returns: FALSE with GS_VARIANT_ERROR_SYNTAX if it cannot be read.
 */
gboolean gs_variant_add (GsVariant *variant, const char *text, int line,
                         GError **error);

/**
 * gs_variant_parse:
 * A variant from "NAME: SETTING; SETTING; ..." (no settings: a variant
 * that changes nothing).
 * Returns: (transfer full) (nullable): NULL with GS_VARIANT_ERROR_SYNTAX.
 */
GsVariant *gs_variant_parse (const char *text, GError **error);

/* ---- a scenario file and its versions ------------------------------------ */

typedef struct _GsSource GsSource;
typedef struct _GsTerms GsTerms;

/**
 * gs_source_load_file:
 * Reads @path (refused past @max_bytes, 0: the default cap), checks it as
 * `govsim check` would load it, and reads its <variant> elements.
 * Returns: (transfer full) (nullable): NULL with a GS_LOADER_ERROR, or
 * GS_VARIANT_ERROR_UNKNOWN for two variants of one name.
 */
GsSource *gs_source_load_file (const char *path, gsize max_bytes,
                               GError **error);

/** As gs_source_load_file(), from @data, called @name in messages. */
GsSource *gs_source_load_bytes (const char *data, gsize len, const char *name,
                                GError **error);

/** Frees @source; accepts NULL. */
void gs_source_free (GsSource *source);

/** The file name.  (transfer none) */
const char *gs_source_get_name (const GsSource *source);
/** The variants the file holds, in file order.  (transfer none) */
guint gs_source_n_variants (const GsSource *source);
const GsVariant *gs_source_get_variant (const GsSource *source, guint i);
/** The file's variant called @name, or NULL.  (transfer none) */
const GsVariant *gs_source_find_variant (const GsSource *source,
                                         const char *name);

/**
 * gs_source_build:
 * The terms of reference of @source with @variant (nullable: as written)
 * applied, validated by the schema and checked for meaning.
 * Returns: (transfer full) (nullable): NULL with GS_VARIANT_ERROR_TARGET
 * for a target that names nothing (or an addition to it that cannot be
 * read, GS_VARIANT_ERROR_SYNTAX), or the loader's error for a variant
 * the schema or the checks refuse, each prefixed "variant 'NAME': ".
 */
GsTerms *gs_source_build (const GsSource *source, const GsVariant *variant,
                          GError **error);

/** Frees @terms; accepts NULL. */
void gs_terms_free (GsTerms *terms);
/** The scenario; lives as long as @terms.  (transfer none) */
const GsScenario *gs_terms_get_scenario (const GsTerms *terms);
/** "as written" or the variant's name.  (transfer none) */
const char *gs_terms_get_label (const GsTerms *terms);
/** The file it came from.  (transfer none) */
const char *gs_terms_get_file (const GsTerms *terms);

/* One setting two versions differ in, in words. */
typedef struct
{
  char *subject; /* "the joint committee 'Acute Alliance Joint Committee'" */
  char *setting; /* "voting rule" */
  char *before;  /* "consensus", or "(not set)" */
  char *after;   /* "simple majority", or "(not set)" */
  char *target;  /* the setting as a target: "alliance-jc/voting@rule" */
  int line_a;    /* its element's line in each file; 0 where absent */
  int line_b;
} GsTermsChange;

/** Frees @change; accepts NULL. */
void gs_terms_change_free (GsTermsChange *change);

/**
 * gs_terms_diff:
 * Every setting @a and @b differ in: attributes set differently, set in
 * one only, and elements present in one only (the outermost such), in
 * the order of @a's file, then @b's additions.  Elements are matched by
 * id, and below an id by name, by the person, organisation, matter or
 * delegation they name, and by position.
 * Returns: (transfer full) (element-type GsTermsChange)
 */
GPtrArray *gs_terms_diff (const GsTerms *a, const GsTerms *b);

/* ---- sweeps -------------------------------------------------------------- */

/* The values one setting takes in a sweep. */
typedef struct
{
  char *target; /* as in a setting */
  GStrv values; /* at least one, at most GS_LIMIT_SWEEP_MAX */
} GsSweep;

/**
 * gs_sweep_parse:
 * "TARGET=A..B" or "TARGET=A..B:STEP" (numbers; STEP defaults to 1, and
 * whole numbers stay whole), or "TARGET=V1,V2,..." (any values).
 * Returns: (transfer full) (nullable): NULL with GS_VARIANT_ERROR_SYNTAX
 * or, for a sweep with no values or too many, GS_VARIANT_ERROR_SWEEP.
 */
GsSweep *gs_sweep_parse (const char *text, GError **error);

/** Frees @sweep; accepts NULL. */
void gs_sweep_free (GsSweep *sweep);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsVariant, gs_variant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSource, gs_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsTerms, gs_terms_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsTermsChange, gs_terms_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSweep, gs_sweep_free)

G_END_DECLS
