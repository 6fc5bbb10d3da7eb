/* rag.c - red / amber / green ratings. */
#include "core/rag.h"

#include <ctype.h>
#include <string.h>

const struct hw_code hw_rag_codes[] = {
    {HW_RAG_RED, "red", "Red"},
    {HW_RAG_AMBER, "amber", "Amber"},
    {HW_RAG_GREEN, "green", "Green"},
    {HW_RAG_COMPLETE, "complete", "Complete"},
    {0, NULL, NULL},
};

const struct hw_code hw_rag_move_codes[] = {
    {HW_MOVE_IMPROVED, "improved", "Improved"},
    {HW_MOVE_WORSENED, "worsened", "Worsened"},
    {HW_MOVE_SAME, "same", "Same"},
    {0, NULL, NULL},
};

int hw_rag_parse_loose(const char *s)
{
    static const struct {
        const char *text;
        int rag;
    } forms[] = {
        {"red", HW_RAG_RED},
        {"r", HW_RAG_RED},
        {"1", HW_RAG_RED},
        {"amber", HW_RAG_AMBER},
        {"a", HW_RAG_AMBER},
        {"2", HW_RAG_AMBER},
        {"green", HW_RAG_GREEN},
        {"g", HW_RAG_GREEN},
        {"3", HW_RAG_GREEN},
        {"complete", HW_RAG_COMPLETE},
        {"completed", HW_RAG_COMPLETE},
        {"c", HW_RAG_COMPLETE},
        {"blue", HW_RAG_COMPLETE},
        {"b", HW_RAG_COMPLETE},
        {"0", HW_RAG_NONE},
        {"", HW_RAG_NONE},
    };
    char low[16];
    size_t n = 0;
    if (s == NULL)
        return HW_RAG_NONE;
    while (isspace((unsigned char)*s))
        s++;
    for (; s[n] && n < sizeof low - 1; n++)
        low[n] = (char)tolower((unsigned char)s[n]);
    if (s[n]) /* longer than any form */
        return -1;
    while (n > 0 && isspace((unsigned char)low[n - 1]))
        n--;
    low[n] = '\0';
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcmp(low, forms[i].text) == 0)
            return forms[i].rag;
    return -1;
}

int hw_rag_move(int before, int after)
{
    if (before <= HW_RAG_NONE || after <= HW_RAG_NONE)
        return HW_MOVE_NONE;
    if (after > before)
        return HW_MOVE_IMPROVED;
    if (after < before)
        return HW_MOVE_WORSENED;
    return HW_MOVE_SAME;
}
