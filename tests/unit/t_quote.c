/*
 * Quotations: marks paired within bounds, speakers from verbs before and
 * after, titles, appositions, pronouns, surnames, paragraphs that carry a
 * quotation on, reported speech, tags left out of the text and offsets.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "quote.h"
#include "suites.h"

/*
 * Runs the paragraphs of text (separated by blank lines) through a quoter
 * and describes each record as "kind|speaker|name|cue|quote|start-end;".
 */
static void
run(const char *text, struct lede_buf *out)
{
	struct lede_quoter	*Q;
	struct lede_quote	r;
	const char		*p = text, *e;
	char			 tmp[64];

	out->len = 0;
	Q = lede_quote_new(0);
	lede_quote_doc(Q);
	while (*p) {
		if (*p == '\n') {
			lede_quote_blank(Q, p, 1);
			p++;
		} else {
			e = strstr(p, "\n\n");
			e = e ? e + 1 : p + strlen(p);
			lede_quote_para(Q, p, (size_t)(e - p));
			p = e;
		}
		if (*p == '\0')
			lede_quote_end(Q);
		while (lede_quote_next(Q, &r)) {
			lede_buf_add(out, lede_quote_kindname(r.kind),
			    strlen(lede_quote_kindname(r.kind)));
			lede_buf_addc(out, '|');
			lede_buf_add(out, r.speaker, r.speakerlen);
			lede_buf_addc(out, '|');
			lede_buf_add(out, r.name, r.namelen);
			lede_buf_addc(out, '|');
			lede_buf_add(out, r.cue, r.cuelen);
			lede_buf_addc(out, '|');
			lede_buf_add(out, r.quote, r.quotelen);
			snprintf(tmp, sizeof(tmp), "|%zu-%zu;", r.start, r.end);
			lede_buf_add(out, tmp, strlen(tmp));
		}
	}
	lede_buf_addc(out, '\0');
	lede_quote_free(Q);
}

static const struct {
	const char	*in;
	const char	*want;
} cases[] = {
	/* Verb after, speaker before it. */
	{ "\"We will win this race,\" Jane Roe said.\n",
	  "direct|Jane Roe|Jane Roe|said|We will win this race,|1-23;" },
	/* Verb after, speaker after it; curly marks. */
	{ "\xe2\x80\x9cWe will win this race,\xe2\x80\x9d said Jane Roe.\n",
	  "direct|Jane Roe|Jane Roe|said|We will win this race,|3-25;" },
	/* A title and a role before the name. */
	{ "\"Talks will go on next week,\" Trade Ministry spokesman Karl "
	  "Berg said.\n",
	  "direct|Trade Ministry spokesman Karl Berg|Karl Berg|said|"
	  "Talks will go on next week,|1-28;" },
	/* An apposition between the name and the verb. */
	{ "\"Talks will go on next week,\" Karl Berg, a trade official, "
	  "told reporters.\n",
	  "direct|Karl Berg|Karl Berg|told|Talks will go on next week,|1-28;" },
	/* A relative clause inside the apposition. */
	{ "\"Talks will go on next week,\" Karl Berg, the envoy who chairs "
	  "the Trade Council, which sets tariffs, said.\n",
	  "direct|Karl Berg|Karl Berg|said|Talks will go on next week,|1-28;" },
	/* Verb before the quotation. */
	{ "Jane Roe said: \"We will win this race.\"\n",
	  "direct|Jane Roe|Jane Roe|said|We will win this race.|16-38;" },
	/* '' pairs with a single mark inside. */
	{ "''Nobody says 'never' here,'' the ministry said.\n",
	  "direct|the ministry|the ministry|said|Nobody says 'never' here,|"
	  "2-27;" },
	/* A scare quote of two words is no quotation. */
	{ "Stalls sold \"fake news\" shirts again.\n", "" },
	/* A stray closing mark opens nothing. */
	{ "The river rose again.\xe2\x80\x9d\n", "" },
	/* A mark shaped as a close with nothing open: an inch mark. */
	{ "The guard is 6'3\" tall and weighs less than his brother.\n", "" },
	/* White space next to the marks is no part of the words. */
	{ "\xe2\x80\x9c Nobody asked the farmers about it, \xe2\x80\x9d "
	  "she said.\n",
	  "direct|she||said|Nobody asked the farmers about it,|4-38;" },
	/* A mark opening inside a quotation ends it there. */
	{ "\xe2\x80\x9cI would rather stay in what he calls \xe2\x80\x9c"
	  "home\xe2\x80\x9d than move away,\xe2\x80\x9d she said.\n",
	  "direct|she||said|I would rather stay in what he calls|3-39;" },
	/* A television show is no quotation (the learned classifier). */
	{ "She appeared on \xe2\x80\x9c" "Face the Nation\xe2\x80\x9d on "
	  "Sunday.\n", "" },
	/* A value of markup is no quotation. */
	{ "<embed title=\"We will win this race\">The ferry ran late.\n", "" },
	/* A transcript: the label is the speaker. */
	{ "\"WALLACE: Let us start with the news on the debate.\"\n",
	  "direct|WALLACE|WALLACE||Let us start with the news on the "
	  "debate.|10-51;" },
	{ "MS. CLINTON: \"We will win this race.\"\n",
	  "direct|MS. CLINTON|CLINTON||We will win this race.|14-36;" },
	/*
	 * "that" is not part of a speaker; reported words inside reported
	 * speech are the outer speaker's, as the corpus attributes them.
	 */
	{ "Trump noted that Clinton called it \"the gold standard of "
	  "deals.\"\n",
	  "mixed|Trump|Trump|noted|the gold standard of deals.|36-63;" },
	{ "Clinton once called it \"the gold standard of deals.\"\n",
	  "mixed|Clinton|Clinton|called|the gold standard of deals.|24-51;" },
	/* The channel of a statement is not its speaker. */
	{ "Karl Berg, a trade official, in a statement on Monday told "
	  "reporters: \"Talks will go on next week.\"\n",
	  "direct|Karl Berg|Karl Berg|told|Talks will go on next week.|"
	  "71-98;" },
	/* Whoever took the picture is nobody's antecedent. */
	{ "Photo by Peter Vance\n\n\"We will go on,\" he said.\n",
	  "direct|he||said|We will go on,|23-37;" },
	/* Headline case: the verb ends the speaker. */
	{ "Port Chief Says The Ferry Will Stop \"For The Whole Of The "
	  "Winter\"\n",
	  "mixed|Port Chief|Port Chief|Says|For The Whole Of The Winter|"
	  "37-64;" },
	/* A speaker phrase goes on through a preposition, also after a
	 * participle or adjective, before and after its verb. */
	{ "\"The deal is close now,\" two people briefed on the talks "
	  "said.\n",
	  "direct|two people briefed on the talks|two people briefed on the "
	  "talks|said|The deal is close now,|1-23;" },
	{ "\"The deal is close now,\" said two people briefed on the "
	  "talks.\n",
	  "direct|two people briefed on the talks|two people briefed on the "
	  "talks|said|The deal is close now,|1-23;" },
	{ "\"Nothing has changed since May,\" aides close to the governor "
	  "said.\n",
	  "direct|aides close to the governor|aides close to the governor|"
	  "said|Nothing has changed since May,|1-31;" },
	{ "\"It was chaos out there,\" a doctor on the scene told "
	  "reporters.\n",
	  "direct|a doctor on the scene|a doctor on the scene|told|"
	  "It was chaos out there,|1-24;" },
	/* A possessor and its noun, a noun in -ly, an adjective before a
	 * plural: the whole phrase speaks. */
	{ "\"We want the tapes out now,\" Scott's family said.\n",
	  "direct|Scott's family|Scott's family|said|"
	  "We want the tapes out now,|1-27;" },
	{ "Two local environmental groups said the plan was \"a step back "
	  "for the coast.\"\n",
	  "mixed|Two local environmental groups|Two local environmental "
	  "groups|said|a step back for the coast.|50-76;" },
	/* A label of the page ends a phrase before its colon only. */
	{ "\"The camps must close this year,\" Human Rights Watch said.\n",
	  "direct|Human Rights Watch|Human Rights Watch|said|"
	  "The camps must close this year,|1-32;" },
	/* A verb no lexicon lists: its subject after the quotation. */
	{ "\"Get out of my house right now,\" Trump barked.\n",
	  "direct|Trump|Trump|barked|Get out of my house right now,|1-31;" },
	/* The name of a phrase with "of": a person, a place, an office. */
	{ "\"We will act on it soon,\" said Secretary of State John Kerry.\n",
	  "direct|Secretary of State John Kerry|John Kerry|said|"
	  "We will act on it soon,|1-24;" },
	{ "\"We will act on it soon,\" said Jane Roe of Madison, Wis.\n",
	  "direct|Jane Roe of Madison|Jane Roe|said|We will act on it soon,|"
	  "1-24;" },
	{ "\"We will act on it soon,\" said the mayor of Boston.\n",
	  "direct|the mayor of Boston|the mayor of Boston|said|"
	  "We will act on it soon,|1-24;" },
	/* Headline case: a verb no lexicon lists after a person's name,
	 * and quoted words in capitals that are no title. */
	{ "Jane Roe Slams \"A Plan That Fails Us All\" Of Port Board\n",
	  "mixed|Jane Roe|Jane Roe|Slams|A Plan That Fails Us All|16-40;" },
	{ "Port Chief Says He Will Stay \"If We Win\" At Meeting\n",
	  "mixed|Port Chief|Port Chief|Says|If We Win|30-39;" },
	/* The subject of a clause after an opening one, not its object. */
	{ "On the eve of the vote in the city council last spring after "
	  "months of talks, Mayor Ruth Lane rallied supporters by warning "
	  "that \"the port will close for good.\"\n",
	  "mixed|Mayor Ruth Lane|Ruth Lane|warning|"
	  "the port will close for good.|130-159;" },
	{ "Ford, a former port chairman, mocked Lane's speech during the "
	  "debate, tweeting, \"She has no plan at all.\"\n",
	  "direct|Ford|Ford|mocked|She has no plan at all.|81-104;" },
	{ "Shortly after the hearing ended, the port authority sent a letter "
	  "saying the plan was \"a step back for the coast.\"\n",
	  "mixed|the port authority|the port authority|saying|"
	  "a step back for the coast.|87-113;" },
	/* A place in an apposition is not its head. */
	{ "Ana Ruiz, 41, of Dover, Del., said: \"We had no say in it at "
	  "all.\"\n",
	  "direct|Ana Ruiz|Ana Ruiz|said|We had no say in it at all.|37-64;" },
	/* A relative clause without a comma, a phrase with "to". */
	{ "\"The talks will fail this week,\" said a port official who was "
	  "not allowed to speak publicly.\n",
	  "direct|a port official who was not allowed to speak publicly|"
	  "a port official|said|The talks will fail this week,|1-31;" },
	{ "\"We never saw the memo,\" said a longtime adviser to Mayor Ruth "
	  "Lane.\n",
	  "direct|a longtime adviser to Mayor Ruth Lane|a longtime adviser to "
	  "Mayor Ruth Lane|said|We never saw the memo,|1-23;" },
	/* "As ... put it", a party after a title and a name. */
	{ "As Jane Roe, a tax lawyer at the port, recently put it, \"Did "
	  "they pay or did they not?\"\n",
	  "direct|Jane Roe|Jane Roe|put|Did they pay or did they not?|"
	  "57-86;" },
	{ "\"We will hold hearings on it,\" said Oversight ranking Democrat "
	  "Jane Roe (D-Ore.).\n",
	  "direct|Oversight ranking Democrat Jane Roe (D-Ore.)|Jane Roe|said|"
	  "We will hold hearings on it,|1-29;" },
	/* A speaker too long to keep is cut after a whole word. */
	{ "\"We will win this one for sure,\" said Maximiliana "
	  "Wolfensteinberg Hohenzollernsigmaringen Featherstonehaugh "
	  "Cholmondeleyshire Marjoribankstonian Montmorencyville "
	  "Beauchampsworth Knollysbridge.\n",
	  "direct|Maximiliana Wolfensteinberg Hohenzollernsigmaringen "
	  "Featherstonehaugh Cholmondeleyshire Marjoribankstonian "
	  "Montmorencyville|Marjoribankstonian Montmorencyville "
	  "Beauchampsworth Knollysbridge|said|We will win this one for sure,|"
	  "1-31;" },
	/*
	 * A byline after a dash, before a colon; the headline before it is
	 * an attribution of its own, which the dash ends.
	 */
	{ "PORT VOTERS WANT A NEW BRIDGE - Jane Roe and John Doe: \xe2\x80\x9c"
	  "Most of those we asked want the old bridge gone by next year."
	  "\xe2\x80\x9d\n",
	  "indirect|PORT VOTERS|PORT VOTERS|WANT|A NEW BRIDGE|17-29;"
	  "direct|Jane Roe and John Doe|John Doe||Most of those we asked want "
	  "the old bridge gone by next year.|58-119;" },
	/* Where something was said is not what was said. */
	{ "The plan will fail next year, the harbour master said in a "
	  "statement.\n",
	  "indirect|the harbour master|the harbour master|said|"
	  "The plan will fail next year|0-28;" },
	{ "The harbour master said in a statement.\n", "" },
	/* The name of two appositions, a name between commas. */
	{ "Tom Fitton, the president of Port Watch, a group that has sued to "
	  "get the records, said: \"We will keep going until we see every "
	  "page.\"\n",
	  "direct|Tom Fitton|Tom Fitton|said|We will keep going until we see "
	  "every page.|90-133;" },
	{ "\"Positions will soften on it, whether now or later,\" the chief "
	  "of staff, Joe Kasper, told reporters.\n",
	  "direct|Joe Kasper|Joe Kasper|told|Positions will soften on it, "
	  "whether now or later,|1-51;" },
	/* A dateline is no subject. */
	{ "JACKSON, Miss. - U.S. District Judge Ann Roe late on Thursday "
	  "issued an order blocking a bill that would let officials cite a "
	  "\"sincere religious belief\" to deny services.\n",
	  "mixed|U.S. District Judge Ann Roe|Ann Roe||sincere religious "
	  "belief|127-151;" },
	{ "PORTLAND, July 25 (UPI) \xe2\x80\x94 The port board released a "
	  "statement on Monday, offering \"a deep and sincere apology\" to "
	  "the mayor.\n",
	  "mixed|The port board|The port board||a deep and sincere apology|"
	  "85-111;" },
	/* "that" after a verb opens its clause, it names nobody. */
	{ "The letter said the ad \"unmistakably and wrongfully\" suggests "
	  "that the port supports the plan.\n",
	  "mixed|The letter|The letter|said|unmistakably and wrongfully|24-51;"
	  "indirect|||suggests|that the port supports the plan|62-93;" },
	/* Figures inside a phrase: "9/11 widow", "34-year-old", "of three". */
	{ "\"They are 100 percent wrong,\" said 9/11 widow Ann Roe.\n",
	  "direct|9/11 widow Ann Roe|Ann Roe|said|They are 100 percent wrong,|"
	  "1-28;" },
	{ "\"It is meant to help the mother who gave birth,\" the "
	  "34-year-old mother of three replied.\n",
	  "direct|the 34-year-old mother of three|the 34-year-old mother of "
	  "three|replied|It is meant to help the mother who gave birth,|1-47;" },
	/* Military ranks, with their ordinals. */
	{ "\"We never saw the memo,\" said Air Force 1st Lt. Ann Roe.\n",
	  "direct|Air Force 1st Lt. Ann Roe|Ann Roe|said|"
	  "We never saw the memo,|1-23;" },
	{ "\"We held the line,\" Cmdr. Tom Reed, a spokesman for the fleet, "
	  "told reporters.\n",
	  "direct|Cmdr. Tom Reed|Tom Reed|told|We held the line,|1-18;" },
	/* A reflexive that stresses the speaker belongs to the phrase. */
	{ "\"We will win this state,\" Cruz himself said.\n",
	  "direct|Cruz himself|Cruz|said|We will win this state,|1-24;" },
	{ "\"Nobody asked us,\" said Ann Roe herself.\n",
	  "direct|Ann Roe herself|Ann Roe|said|Nobody asked us,|1-17;" },
	/* The subject of a relative whose verb is the cue; a noun's "'s". */
	{ "The fee, which the port's chief executive, Ann Holt, called "
	  "''a plain shakedown of the ferry crews,'' was dropped.\n",
	  "mixed|the port's chief executive, Ann Holt|Ann Holt|called|"
	  "a plain shakedown of the ferry crews,|62-99;" },
	/* A reporter's sign-off after a report is no credit line. */
	{ "Holt said the board will \"never sell the old boats.\"--Tom "
	  "Reed\n",
	  "mixed|Holt|Holt|said|never sell the old boats.|26-51;" },
	/*
	 * The speaker of a report is the subject of its first cue, not of a
	 * cue inside what is reported.
	 */
	{ "Before the vote, Okafor worked at a small firm in Leeds. She said "
	  "she recalls the partners being \"patient,\" and one of them once "
	  "telling a client: \"Ask her, she wrote it.\"\n\n"
	  "Okafor said she recalled thinking, \"This is the part nobody "
	  "tells you about, that they look straight past you.\"\n",
	  "mixed|She||said|Ask her, she wrote it.|148-170;"
	  "mixed|Okafor|Okafor|said|This is the part nobody tells you "
	  "about, that they look straight past you.|209-283;" },
	/* According to. */
	{ "According to the council, \"the road stays shut all week.\"\n",
	  "direct|the council|the council|According|"
	  "the road stays shut all week.|27-56;" },
};

START_TEST(test_cases)
{
	struct lede_buf	out = { 0 };

	run(cases[_i].in, &out);
	ck_assert_str_eq(out.p, cases[_i].want);
	lede_buf_free(&out);
}
END_TEST

/*
 * Credit lines after the closing mark give the speakers.  The kind of the
 * second quotation is left to the learned cue tagger, which may read the
 * credit line before it as its cue (mixed).
 */
START_TEST(test_credit_lines)
{
	struct lede_buf	out = { 0 };

	run("\xe2\x80\x9cWe need a fair deal for the coast.\xe2\x80\x9d "
	    "\xe2\x80\x95 Ann Holt \xe2\x80\x9cNobody asked the farmers "
	    "about it.\xe2\x80\x9d \xe2\x80\x95 Karl Berg\n", &out);
	ck_assert_ptr_eq(strstr(out.p, "direct|Ann Holt|Ann Holt||We need a "
	    "fair deal for the coast.|3-37;"), out.p);
	ck_assert_ptr_nonnull(strstr(out.p, "|Karl Berg|Karl Berg||Nobody "
	    "asked the farmers about it.|57-91;"));
	/* A quotation cut where another opens inside it, on its own line. */
	run("\xe2\x80\x9cThe ferry is late every day.\xe2\x80\x9d \xe2\x80\x95 "
	    "Ann Holt\n\xe2\x80\x9cWe pay twice for what he calls "
	    "\xe2\x80\x9cservice\xe2\x80\x9d and get nothing.\xe2\x80\x9d "
	    "\xe2\x80\x95 Tom Reed\n", &out);
	ck_assert_ptr_nonnull(strstr(out.p, "|Ann Holt|Ann Holt||The ferry "
	    "is late every day.|3-31;"));
	ck_assert_ptr_nonnull(strstr(out.p, "|Tom Reed|Tom Reed||We pay "
	    "twice for what he calls|"));
	lede_buf_free(&out);
}
END_TEST

/*
 * A credit line in the paragraph after a quotation alone names its
 * speaker; a paragraph that is none lets the record go as it was.
 */
START_TEST(test_credit_paragraph)
{
	struct lede_buf	out = { 0 };

	run("\"Most of the new wealth goes to the top.\"\n\n- Ann Holt.\n\n"
	    "\"I will look into it.\"\n\n-Mayor Tom Reed, after the vote.\n",
	    &out);
	ck_assert_ptr_eq(strstr(out.p, "direct|Ann Holt|Ann Holt||Most of "
	    "the new wealth goes to the top.|1-40;"), out.p);
	ck_assert_ptr_nonnull(strstr(out.p, "direct|Mayor Tom Reed|Tom Reed||"
	    "I will look into it.|"));
	run("\"Most of the new wealth goes to the top.\"\n\nThe hall was "
	    "full.\n", &out);
	ck_assert_str_eq(out.p, "direct||||Most of the new wealth goes to the "
	    "top.|1-40;");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_pronoun_surname)
{
	struct lede_buf	out = { 0 };

	run("\"The port stays open all night,\" Mayor Ann Holt said.\n\n"
	    "\"We have the staff for it,\" she said.\n\n"
	    "\"Nothing has changed at all,\" Holt said.\n", &out);
	ck_assert_ptr_nonnull(strstr(out.p,
	    "direct|she|Ann Holt|said|We have the staff for it,|"));
	ck_assert_ptr_nonnull(strstr(out.p,
	    "direct|Holt|Ann Holt|said|Nothing has changed at all,|"));
	/* A full name mentioned before, not as a speaker. */
	run("Harbour master Susan Tal closed the pier on Monday.\n\n"
	    "\"The pier is not safe,\" Tal said.\n", &out);
	ck_assert_str_eq(out.p,
	    "direct|Tal|Susan Tal|said|The pier is not safe,|54-75;");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_continuation)
{
	struct lede_buf	out = { 0 };

	/* A quote paragraph with no verb belongs to the speaker before. */
	run("\"The port stays open all night,\" Ann Holt said.\n\n"
	    "\"We have the staff for it.\"\n", &out);
	ck_assert_ptr_nonnull(strstr(out.p,
	    "direct|Ann Holt|Ann Holt||We have the staff for it.|"));
	/* A quotation over two paragraphs: the second reopens. */
	run("Ann Holt said: \"The port stays open all night.\n\n"
	    "\"We have the staff for it.\"\n", &out);
	ck_assert_str_eq(out.p, "direct|Ann Holt|Ann Holt|said|The port "
	    "stays open all night.\n\n\"We have the staff for it.|16-74;");
	/*
	 * An excerpt set in straight marks, then a paragraph that opens
	 * with a quotation in curly ones: not a continuation.
	 */
	run("\"The ferry crew waited on the pier all night.\n\n"
	    "\xe2\x80\x9cWe had no word from anyone,\xe2\x80\x9d Ann Holt "
	    "said.\n", &out);
	ck_assert_str_eq(out.p, "direct||||The ferry crew waited on the "
	    "pier all night.|1-45;direct|Ann Holt|Ann Holt|said|We had no "
	    "word from anyone,|50-77;");
	/* Reopened with a cue of its own: two records. */
	run("Ann Holt said: \"The port stays open all night.\n\n"
	    "\"We have the staff for it,\" she added.\n", &out);
	ck_assert_str_eq(out.p, "direct|Ann Holt|Ann Holt|said|The port "
	    "stays open all night.|16-46;direct|she|Ann Holt|added|We have "
	    "the staff for it,|49-74;");
	/* Not reopened: the quotation ends with its paragraph. */
	run("Ann Holt said: \"The port stays open all night.\n\n"
	    "The staff went home.\n", &out);
	ck_assert_str_eq(out.p, "direct|Ann Holt|Ann Holt|said|The port "
	    "stays open all night.|16-46;");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_indirect)
{
	struct lede_buf	out = { 0 };

	run("Ann Holt told reporters that the port would stay open.\n", &out);
	/* The clause with its "that", as the corpus marks it. */
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|told|"
	    "that the port would stay open|24-53;");
	/* The clause before the verb, a description as the speaker. */
	run("The ferry will run again in May, former port officials "
	    "said.\n", &out);
	ck_assert_str_eq(out.p, "indirect|former port officials|"
	    "former port officials|said|The ferry will run again in May|0-31;");
	/* The attribution inside the clause. */
	run("The ferry, Ann Holt said, will run again in May.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "The ferry, Ann Holt said, will run again in May|0-47;");
	/* A semicolon bounds the clause. */
	run("The ferry will run again in May, port officials say; in "
	    "winter it did not.\n", &out);
	ck_assert_str_eq(out.p, "indirect|port officials|port officials|say|"
	    "The ferry will run again in May|0-31;");
	/* According to, after the clause. */
	run("The ferry will run again in May, according to a notice "
	    "posted at the pier.\n", &out);
	ck_assert_str_eq(out.p, "indirect|a notice|a notice|according to|"
	    "The ferry will run again in May|0-31;");
	/* A speaker with a prepositional phrase is not cut to its object. */
	run("Two people briefed on the talks said the deal was done.\n",
	    &out);
	ck_assert_str_eq(out.p, "indirect|Two people briefed on the talks|"
	    "Two people briefed on the talks|said|the deal was done|37-54;");
	/* Cues the model learnt beyond verbs of saying, and a headline. */
	run("The report shows that wages rose faster than prices.\n", &out);
	ck_assert_str_eq(out.p, "indirect|The report|The report|shows|"
	    "that wages rose faster than prices|17-51;");
	run("The mayor wants the ferry to run all winter.\n", &out);
	ck_assert_str_eq(out.p, "indirect|The mayor|The mayor|wants|"
	    "the ferry to run all winter|16-43;");
	run("Sanders: Clinton needs to get away from personality "
	    "politics.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Sanders|Sanders|:|"
	    "Clinton needs to get away from personality politics|9-60;");
	/* Two attributions joined in one sentence: two clauses. */
	run("Ann Holt said the port would stay open, but Karl Berg said it "
	    "would close in May.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the port would stay open|14-38;indirect|Karl Berg|Karl Berg|said|"
	    "it would close in May|59-80;");
	/* The second by a cue no lexicon lists but the model found. */
	run("Ann Holt said the ferry would stop in May while the harbour "
	    "board hopes it will run all year.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would stop in May|14-41;indirect|the harbour board|"
	    "the harbour board|hopes|it will run all year|72-92;");
	/* The speaker after the verb, with an apposition: the clause before. */
	run("No ferry will run before May, said Ann Holt, a port official "
	    "who has run the pier for a decade.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "No ferry will run before May|0-28;");
	/* A participle after a comma is not what was said. */
	run("Ann Holt said the ferry should stop in winter, leaving the pier "
	    "empty until spring.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry should stop in winter|14-45;");
	/*
	 * Nor is a clause of the writer's joined to it: ", which ...",
	 * ", and ...", ", but ...", ", while ...", "and said", an aside
	 * (", with ..."), a dash.  A clause before its verb keeps them.
	 */
	run("Ann Holt said the ferry would run again in May, which pleased "
	    "the fishermen.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would run again in May|14-46;");
	run("Ann Holt said the ferry would run in May, and the pier stayed "
	    "shut all winter.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would run in May|14-40;");
	run("Ann Holt said the ferry would run in May, while the pier would "
	    "stay shut.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would run in May|14-40;");
	run("Ann Holt said the ferry would run again in May, with one "
	    "exception.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would run again in May|14-46;");
	run("The mayor called for a new pier on Monday as she opened the "
	    "market.\n", &out);
	ck_assert_str_eq(out.p, "indirect|The mayor|The mayor|called for|"
	    "a new pier on Monday|21-41;");
	run("Ann Holt said the ferry would run again in May -- a month "
	    "late.\n", &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "the ferry would run again in May|14-46;");
	run("Ann Holt claimed the ferry was full and said it would run "
	    "twice a day.\n", &out);
	ck_assert_ptr_nonnull(strstr(out.p, "indirect|Ann Holt|Ann Holt|"
	    "claimed|the ferry was full|17-35;"));
	run("The ferry will run in May, but not in June, Ann Holt said.\n",
	    &out);
	ck_assert_str_eq(out.p, "indirect|Ann Holt|Ann Holt|said|"
	    "The ferry will run in May, but not in June|0-42;");
	/* A transcript without marks: the label speaks the paragraph. */
	run("MS. HOLT: We will keep the pier open. All winter.\n", &out);
	ck_assert_str_eq(out.p, "indirect|MS. HOLT|HOLT|:|"
	    "We will keep the pier open. All winter|10-48;");
	/* A label of the page is nobody. */
	run("UPDATE: The pier reopened on Monday.\n", &out);
	ck_assert_str_eq(out.p, "");
	/* What a cue reports may be a word or two: the thing denied. */
	run("The senator denied the report.\n", &out);
	ck_assert_str_eq(out.p, "indirect|The senator|The senator|denied|"
	    "the report|19-29;");
	/* Cut before a participle or a clause of the writer's, however short. */
	run("The senator blamed the mayor, calling him careless.\n", &out);
	ck_assert_str_eq(out.p, "indirect|The senator|The senator|blamed|"
	    "the mayor|19-28;");
	/* The cut comes first: the quotation after it is not inside. */
	run("The mayor defended the plan, saying, \"We have the staff for "
	    "it.\"\n", &out);
	ck_assert_str_eq(out.p, "indirect|The mayor|The mayor|defended|"
	    "the plan|19-27;direct|The mayor|The mayor|saying|We have the "
	    "staff for it.|38-63;");
	/* A partial quotation inside reported speech is mixed. */
	run("Ann Holt said the port would stay open \"as long as the ships "
	    "come in.\"\n", &out);
	ck_assert_ptr_nonnull(strstr(out.p,
	    "mixed|Ann Holt|Ann Holt|said|as long as the ships come in.|"));
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_tags)
{
	struct lede_buf	out = { 0 };

	/* Tags are hints: out of the text and out of the offsets. */
	run("\"We will win this race,\" <PER>Jane Roe</PER> said.\n", &out);
	ck_assert_str_eq(out.p,
	    "direct|Jane Roe|Jane Roe|said|We will win this race,|1-23;");
	lede_buf_free(&out);
}
END_TEST

START_TEST(test_bounded)
{
	struct lede_buf	out = { 0 }, big = { 0 };
	int		i;

	/* Thousands of opening marks: one paragraph, then the next. */
	for (i = 0; i < 20000; i++)
		lede_buf_add(&big, "\xe2\x80\x9c", 3);
	lede_buf_add(&big, "\n\n\"The last words here,\" she said.\n", 35);
	lede_buf_addc(&big, '\0');
	run(big.p, &out);
	ck_assert_ptr_nonnull(strstr(out.p, "|The last words here,|"));
	lede_buf_free(&big);
	lede_buf_free(&out);
}
END_TEST

Suite *
quote_suite(void)
{
	Suite	*s = suite_create("quote");
	TCase	*tc = tcase_create("quote");

	tcase_add_loop_test(tc, test_cases, 0,
	    sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_credit_lines);
	tcase_add_test(tc, test_credit_paragraph);
	tcase_add_test(tc, test_pronoun_surname);
	tcase_add_test(tc, test_continuation);
	tcase_add_test(tc, test_indirect);
	tcase_add_test(tc, test_tags);
	tcase_add_test(tc, test_bounded);
	suite_add_tcase(s, tc);
	return s;
}
