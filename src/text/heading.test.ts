import { describe, expect, it } from "vitest";
import { headingText, topicOfHeading } from "./heading.ts";

describe("headingText", () => {
  it("drops a heading's number, arabic or roman, with or without a dot", () => {
    expect(headingText("10. Future Work")).toBe("Future Work");
    expect(headingText("4.2 Crawler")).toBe("Crawler");
    expect(headingText("IV. RESULTS")).toBe("RESULTS");
    expect(headingText("Pembahasan")).toBe("Pembahasan");
  });
});

describe("topicOfHeading", () => {
  it("gives the stems of a heading of two content words or more", () => {
    expect(topicOfHeading("10. Future Work").length).toBe(2);
    expect(topicOfHeading("5.2 Register Allocation").length).toBe(2);
  });

  it("gives none for a one-word heading: it names a part of the document, not a topic", () => {
    expect(topicOfHeading("4.2 Crawler")).toEqual([]);
    expect(topicOfHeading("Pembahasan")).toEqual([]);
    expect(topicOfHeading("3.1 Traces")).toEqual([]);
  });
});
