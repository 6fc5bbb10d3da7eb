/* rag.h - red / amber / green ratings, shared by the scorecard (a value
 * against its target) and the action plans (how an action is going).
 *
 * Ratings are ordered, worst first: red < amber < green < complete, so
 * "improved" and "worsened" are comparisons. The scorecard never gives
 * complete; an action plan row may (the action is done). Pure.
 */
#ifndef HW_RAG_H
#define HW_RAG_H

#include "core/domain.h"

enum hw_rag { HW_RAG_NONE = 0, HW_RAG_RED, HW_RAG_AMBER, HW_RAG_GREEN, HW_RAG_COMPLETE };
/* red, amber, green, complete; labels Red, Amber, Green, Complete. */
extern const struct hw_code hw_rag_codes[];

/* How a rating moved from one to the next. */
enum hw_rag_move { HW_MOVE_NONE = 0, HW_MOVE_IMPROVED, HW_MOVE_WORSENED, HW_MOVE_SAME };
/* improved, worsened, same. */
extern const struct hw_code hw_rag_move_codes[];

/* A rating as councils write it in their spreadsheets: the codes (any
 * case), their first letters (R, A, G, C), "blue" (complete, as some plans
 * colour it), or the numbers 1 (red), 2 (amber), 3 (green) of seed 000's
 * plan. Surrounding blanks are ignored. Returns the rating; HW_RAG_NONE for
 * an empty value or "0" (not rated yet, as in seed 000); -1 when s is none
 * of these. */
int hw_rag_parse_loose(const char *s);

/* The move from `before` to `after`; HW_MOVE_NONE when either is not rated. */
int hw_rag_move(int before, int after);

#endif
