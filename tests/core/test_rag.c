/* test_rag.c - ratings as councils write them, and how they move (core/rag.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/rag.h"

static void test_parse_loose(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int rag;
    } cases[] = {
        {"red", HW_RAG_RED},
        {"Red", HW_RAG_RED},
        {" R ", HW_RAG_RED},
        {"1", HW_RAG_RED},
        {"AMBER", HW_RAG_AMBER},
        {"a", HW_RAG_AMBER},
        {"2", HW_RAG_AMBER},
        {"Green", HW_RAG_GREEN},
        {"G", HW_RAG_GREEN},
        {"3", HW_RAG_GREEN},
        {"Complete", HW_RAG_COMPLETE},
        {"completed", HW_RAG_COMPLETE},
        {"C", HW_RAG_COMPLETE},
        {"Blue", HW_RAG_COMPLETE},
        {"", HW_RAG_NONE},
        {"  ", HW_RAG_NONE},
        {"0", HW_RAG_NONE},
        {NULL, HW_RAG_NONE},
        {"purple", -1},
        {"4", -1},
        {"red-ish", -1},
        {"greenish yellow", -1},
        {"amber amber amber", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (hw_rag_parse_loose(cases[i].text) != cases[i].rag)
            fail_msg("'%s': got %d, expected %d", cases[i].text ? cases[i].text : "(null)",
                     hw_rag_parse_loose(cases[i].text), cases[i].rag);
}

static void test_move(void **state)
{
    (void)state;
    assert_int_equal(hw_rag_move(HW_RAG_RED, HW_RAG_AMBER), HW_MOVE_IMPROVED);
    assert_int_equal(hw_rag_move(HW_RAG_GREEN, HW_RAG_COMPLETE), HW_MOVE_IMPROVED);
    assert_int_equal(hw_rag_move(HW_RAG_GREEN, HW_RAG_RED), HW_MOVE_WORSENED);
    assert_int_equal(hw_rag_move(HW_RAG_COMPLETE, HW_RAG_AMBER), HW_MOVE_WORSENED);
    assert_int_equal(hw_rag_move(HW_RAG_AMBER, HW_RAG_AMBER), HW_MOVE_SAME);
    assert_int_equal(hw_rag_move(HW_RAG_NONE, HW_RAG_AMBER), HW_MOVE_NONE);
    assert_int_equal(hw_rag_move(HW_RAG_RED, HW_RAG_NONE), HW_MOVE_NONE);
    assert_string_equal(hw_code_name(hw_rag_codes, HW_RAG_COMPLETE), "complete");
    assert_string_equal(hw_code_label(hw_rag_move_codes, HW_MOVE_WORSENED), "Worsened");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_loose),
        cmocka_unit_test(test_move),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
