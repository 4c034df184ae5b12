/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-plan.h"

G_BEGIN_DECLS

/* A quarter of a financial year (April to March): Q1 is April–June,
 * Q4 is January–March of the next calendar year. @year is the calendar
 * year in which the financial year starts: 2018-Q4 is January–March 2019. */
typedef struct
{
  int year;
  int quarter; /* 1 to 4 */
} CspQuarter;

/* "2018-Q2"; FALSE for anything else. */
gboolean   csp_quarter_parse         (const char  *text,
                                      CspQuarter  *quarter);
char      *csp_quarter_to_string     (CspQuarter   quarter);
/* "Q2 2018-19 (July to September 2018)", translated. */
char      *csp_quarter_dup_label     (CspQuarter   quarter);
/* First and last day as YYYY-MM-DD, in buffers of 11 bytes. */
void       csp_quarter_get_range     (CspQuarter   quarter,
                                      char        *first,
                                      char        *last);
/* The quarter of a YYYY-MM-DD date; FALSE when it is not a date. */
gboolean   csp_quarter_for_date      (const char  *date,
                                      CspQuarter  *quarter);
/* Today as YYYY-MM-DD, in local time. */
char      *csp_date_today            (void);

int        csp_quarter_compare       (CspQuarter   a,
                                      CspQuarter   b);

/* The quarters of the plan's period, in order (an array of CspQuarter);
 * the four of today's financial year when the plan has no period. */
GArray    *csp_plan_list_quarters    (CspPlan     *plan);
/* The latest quarter of the period in which this year's actions have
 * updates; the period's first quarter when there are none. */
CspQuarter csp_plan_get_default_quarter (CspPlan  *plan);
/* The quarter that holds @today (YYYY-MM-DD; NULL for the real today),
 * moved into the plan's period when it lies outside it. */
CspQuarter csp_plan_get_current_quarter (CspPlan  *plan,
                                         const char *today);

G_END_DECLS
