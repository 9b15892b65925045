"""What a request may carry: the query, path and body types of every route, each declaring its limits, so
a bad value is a 422 naming the parameter and its reason before any route runs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path as PathPart
from fastapi import Query
from pydantic import BaseModel, Field, StrictStr

MAX_OFFSET = 1_000_000_000

Code = Annotated[str | None, Query(max_length=64, description="An actor code (CHN, vladimir-putin)")]
Word = Annotated[str | None, Query(max_length=64)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Year = Annotated[int | None, Query(ge=1, le=9999)]
Top = Annotated[int, Query(ge=1, le=5000)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Period = Literal["month", "quarter", "year"]
CodePart = Annotated[str, PathPart(max_length=64)]
IdPart = Annotated[str, PathPart(max_length=128)]
Limit = Annotated[int, Query(ge=1, le=500)]
CsvLimit = Annotated[int, Query(ge=1, le=100_000, description="Rows in the file (default 10,000)")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, "
                                                             "3 verbal conflict, 4 material conflict")]
Search = Annotated[str | None, Query(max_length=200)]
Pairs = Annotated[list[str], Query(max_length=12, description="Dyads as A-B, e.g. USA-CHN")]
MinEvents = Annotated[int, Query(ge=1, le=1000, description="Counted events a dyad needs to be a bloc tie")]


class AnalyzeRequest(BaseModel):
    """A text to analyse, and its date when the text does not say."""

    text: StrictStr
    date: StrictStr | None = Field(None, max_length=40)
