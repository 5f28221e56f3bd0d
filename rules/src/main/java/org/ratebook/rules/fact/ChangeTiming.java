package org.ratebook.rules.fact;

/** When a change of a subscription takes effect. */
public enum ChangeTiming {
    /** on the day it is asked for: billed time no longer owed is given back as account credit */
    IMMEDIATE,
    /** when the period being served ends (for a phase billed once, such as a trial, when that phase ends) */
    END_OF_TERM
}
