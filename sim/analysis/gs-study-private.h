/* gs-study-private.h — what the study's files share: gs-study.c adds
 * replications and merges, gs-study-part.c reads and writes parts. */
#pragma once

#include <govsim/gs-study.h>

G_BEGIN_DECLS

/* The cell of (@body, @org, @kind), made empty if new.  (transfer none) */
GsStudyBreach *gs__study_breach_cell (GsStudy *study, guint32 body, gint32 org,
                                      guint kind);

/* Puts the breach cells in key order (after adding cells by hand). */
void gs__study_sort_breaches (GsStudy *study);

/* Sets how many replications a study read from a part holds. */
void gs__study_set_replications (GsStudy *study, guint64 reps);

G_END_DECLS
