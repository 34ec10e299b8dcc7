# W10 (issue 21): the workbook of 50,000 business days x 20 columns read
# with pandas.read_excel (engine openpyxl, as pandas uses for .xlsx).
import sys
import pandas as pd
from common import emit, n_sum

df = pd.read_excel(sys.argv[1], engine="openpyxl")
dates = pd.to_datetime(df.iloc[:, 0])
values = df.iloc[:, 1:]
n, total = n_sum(values.values)
emit([("rows", len(df)), ("cols", values.shape[1]), ("values.n", n), ("values.sum", total),
      ("first", dates.iloc[0].strftime("%Y-%m-%d")), ("last", dates.iloc[-1].strftime("%Y-%m-%d"))])
